// `s3am` command-line tool: commands land in src/commands/ with the CLI issue.
process.stderr.write('s3am: no commands yet; see README.md\n');
process.exitCode = 1;
