import type { E2eTest } from "../harness";
import { appBridgeTests } from "./app-bridge";
import { cjTests } from "./cj";
import { embeddedAppTests } from "./embedded-app";
import { fulfillmentTests } from "./fulfillment";
import { i18nTests } from "./i18n";
import { privacyTests } from "./privacy";
import { jdTests } from "./jd";
import { plansTests } from "./plans";
import { ratesTests } from "./rates";
import { sourcingTests } from "./sourcing";
import { testStoreTests } from "./test-store";

// One list per flow, run in this order against one demo stack. Add a flow as tests/<flow>.ts and list it here.
// sourcing → rates → fulfillment share one store: rates and fulfillment sell the product sourcing imported.
export const e2eTests: E2eTest[] = [
  ...embeddedAppTests,
  ...appBridgeTests,
  ...testStoreTests,
  ...sourcingTests,
  ...ratesTests,
  ...fulfillmentTests,
  ...privacyTests,
  ...jdTests,
  ...plansTests,
  ...cjTests,
  ...i18nTests,
];
