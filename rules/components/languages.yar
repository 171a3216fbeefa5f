// Interpreters embedded in firmware.

rule lua_version {
  meta:
    component = "lua"
    cpe = "lua:lua"
    purl = "pkg:generic/lua"
    version = "Lua {v}"
    files = "liblua,lua"
  strings:
    // LUA_RELEASE "Lua 5.3.6", LUA_COPYRIGHT follows
    $v1 = /\$LuaVersion: Lua [0-9]\.[0-9](\.[0-9]{1,2})?/
    $v2 = /Lua [0-9]\.[0-9]\.[0-9]{1,2}  Copyright \(C\) 1994-20[0-9]{2} Lua\.org, PUC-Rio/
    $a1 = "attempt to call a %s value"
    // Lua 5.4 builds the message from parts
    $a2 = "attempt to %s a %s value%s"
  condition:
    is_elf and (any of ($v*) and any of ($a*))
}

rule python_version {
  meta:
    component = "python"
    cpe = "python:python"
    purl = "pkg:generic/python"
    version = "{0}{v}{0}"
    files = "libpython,python"
    verified = "python3.11-minimal 3.11.2-6+deb12u8 mipsel"
  strings:
    // PY_VERSION, stored right before Py_GetVersion()'s format
    $v1 = /\x00[0-9]\.[0-9]{1,2}\.[0-9]{1,2}\x00{1,8}%\.80s \(%\.80s\) %\.80s\x00/
    $a1 = "Py_Initialize"
    $a2 = "PYTHONHOME"
    $a3 = "Fatal Python error"
  condition:
    is_elf and (all of ($a*) and ($v1 or true))
}

rule perl_version {
  meta:
    component = "perl"
    cpe = "perl:perl"
    purl = "pkg:generic/perl"
    version = "{0}v{v}{0}"
    files = "libperl.so,perl"
    verified = "perl-base 5.36.0-7+deb12u3 mipsel"
  strings:
    // the version the interpreter states, stored after its random-seed variable's name
    $v1 = /PERL_INTERNAL_RAND_SEED\x00{1,8}v5\.[0-9]{1,2}\.[0-9]{1,2}\x00/
    $a1 = "This is perl %d, version %d, subversion %d (%s)"
    $a2 = "PERL5LIB"
  condition:
    is_elf and ($a2 and ($a1 or $v1))
}

rule php_version {
  meta:
    component = "php"
    cpe = "php:php"
    purl = "pkg:generic/php"
    version = "X-Powered-By: PHP/{v} || PHP/{v} || PHP {v} "
    files = "libphp,php"
  strings:
    $v1 = /PHP\/[5-8]\.[0-9]{1,2}\.[0-9]{1,2}/
    $a1 = "PHP_VERSION"
    $a2 = "zend_"
  condition:
    is_elf and (all of ($a*) and ($v1 or true))
}

rule bash_version {
  meta:
    component = "bash"
    cpe = "gnu:bash"
    purl = "pkg:generic/bash"
    version = "@(#)Bash version {v}"
  strings:
    // sccs_version: "@(#)Bash version 5.2.15(1) release GNU"
    $v1 = /@\(#\)Bash version [0-9]\.[0-9]\.[0-9]{1,2}\([0-9]\) release/
    $a1 = "GNU bash, version %s (%s)"
  condition:
    is_elf and (any of them)
}
