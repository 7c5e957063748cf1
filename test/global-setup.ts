// Once per `npm test`, before any test file: build the template databases every test copies
// (test/helpers/database.ts), so that the workers do not all start by building them.
import { prepareTemplates, testDialects } from "./helpers/database.js";

export default async function setup(): Promise<void> {
  await prepareTemplates(testDialects);
}
