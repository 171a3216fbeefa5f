# Writes a C++ source holding seed CSV files as string constants, so that the
# scanner carries its naming data without reading files at run time.
# Usage: cmake -DSEED_DIR=... -DOUT=... -DFILES=a.csv,b.csv -P embed_seed.cmake
# A listed file that does not exist is embedded as an empty string.
set(body "// Generated from db/seed by cmake/embed_seed.cmake. Do not edit.\n")
string(APPEND body "#include \"scanner/fingerprint/naming/seed_data.h\"\n\n")
string(APPEND body "namespace pedigree::fingerprint::seed_data {\n\n")
string(REPLACE "," ";" files "${FILES}")
foreach(file IN LISTS files)
  string(MAKE_C_IDENTIFIER "${file}" id)
  set(text "")
  if(EXISTS "${SEED_DIR}/${file}")
    file(READ "${SEED_DIR}/${file}" text)
  endif()
  string(APPEND body "const std::string_view ${id} = R\"seed_csv(${text})seed_csv\";\n")
endforeach()
string(APPEND body "\n}  // namespace pedigree::fingerprint::seed_data\n")
file(WRITE "${OUT}.tmp" "${body}")
file(COPY_FILE "${OUT}.tmp" "${OUT}" ONLY_IF_DIFFERENT)
