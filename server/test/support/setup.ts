// Runs before every server test file: hash passwords at a low scrypt cost so the suite stays quick.
// The server and the CLI always use PRODUCTION_SCRYPT_COST (test/accounts/passwords.test.ts checks it).
import { setScryptCostForTestsOnly } from '../../src/accounts/passwords.ts';

setScryptCostForTestsOnly({ N: 2 ** 10, r: 8, p: 1 });
