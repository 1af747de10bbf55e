// Validates JSON documents against a JSON Schema (draft 2020-12) with Ajv.
// Usage: node validate-schema.js SCHEMA FILE...   Prints one line per file: "valid FILE" or "invalid FILE: errors".
'use strict';
const fs = require('fs');
const Ajv2020 = require('ajv/dist/2020');

const [schemaFile, ...files] = process.argv.slice(2);
const ajv = new Ajv2020({ allErrors: true, strict: false });
const validate = ajv.compile(JSON.parse(fs.readFileSync(schemaFile, 'utf8')));
for (const file of files) {
  const ok = validate(JSON.parse(fs.readFileSync(file, 'utf8')));
  console.log(ok ? 'valid ' + file : 'invalid ' + file + ': ' + ajv.errorsText(validate.errors));
}
