// Conditions shared by the component rules. Files are compiled in name
// order, so this one comes first.

// Program and library rules hold only in ELF files: documentation, locale
// catalogues and scripts quote the same texts.
private rule is_elf {
  condition:
    uint32(0) == 0x464c457f
}
