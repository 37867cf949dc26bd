// Validates SARIF files against the official SARIF 2.1.0 JSON schema (the
// OASIS rtm.5 schema, as shipped in @microsoft/jest-sarif). The schema is
// draft-04, hence ajv-draft-04; ajv-formats checks "uri" and "date-time".
// usage: node validate.js SCHEMA FILE...
'use strict';
const fs = require('fs');
const Ajv = require('ajv-draft-04');
const addFormats = require('ajv-formats');

const [schemaPath, ...files] = process.argv.slice(2);
// Some of the schema's patterns are not valid JavaScript in Unicode mode, so compile them plain.
const ajv = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
addFormats(ajv);
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaPath, 'utf8')));
let failed = 0;
for (const file of files) {
  const log = JSON.parse(fs.readFileSync(file, 'utf8'));
  if (validate(log)) {
    const results = log.runs.reduce((n, run) => n + run.results.length, 0);
    console.log(`ok: ${file} (${results} results)`);
  } else {
    failed++;
    console.log(`INVALID: ${file}`);
    for (const e of validate.errors) console.log(`  ${e.instancePath || '/'} ${e.message} ${JSON.stringify(e.params)}`);
  }
}
process.exit(failed ? 1 : 0);
