// Validates CycloneDX 1.6 JSON documents with the CycloneDX project's own
// library, which bundles the official schemas.
//   node validate_cyclonedx.cjs NODE_MODULES_DIR FILE...
// Prints one line per file; exits 1 if any file is invalid.
'use strict';
const fs = require('fs');
const path = require('path');

async function main() {
  const [modules, ...files] = process.argv.slice(2);
  if (!modules || files.length === 0) {
    console.error('usage: validate_cyclonedx.cjs NODE_MODULES_DIR FILE...');
    process.exit(2);
  }
  const cdx = require(path.join(path.resolve(modules), '@cyclonedx/cyclonedx-library'));
  const validator = new cdx.Validation.JsonValidator(cdx.Spec.Version.v1dot6);
  let failed = 0;
  for (const file of files) {
    let problems = null;
    try {
      problems = await validator.validate(fs.readFileSync(file, 'utf8'));
    } catch (err) {
      // Newer releases throw a ValidationError carrying the details.
      problems = err.details ?? String(err);
    }
    if (problems === null || problems === undefined) {
      console.log(`valid: ${file}`);
    } else {
      failed++;
      console.log(`INVALID: ${file}\n${JSON.stringify(problems, null, 2)}`);
    }
  }
  process.exit(failed === 0 ? 0 : 1);
}

main().catch((err) => {
  console.error(`validator error: ${err.stack || err}`);
  process.exit(2);
});
