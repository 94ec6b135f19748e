import type { E2eTest } from "../harness";
import { appBridgeTests } from "./app-bridge";
import { cjTests } from "./cj";
import { complianceTests } from "./compliance";
import { embeddedAppTests } from "./embedded-app";
import { extensionsTests } from "./extensions";
import { fulfillmentTests } from "./fulfillment";
import { i18nTests } from "./i18n";
import { i18nOrderTests } from "./i18n-orders";
import { i18nSourcingTests } from "./i18n-sourcing";
import { i18nShippingTests } from "./i18n-shipping";
import { privacyTests } from "./privacy";
import { jdTests } from "./jd";
import { linkingTests } from "./linking";
import { overseasTests } from "./overseas";
import { plansTests } from "./plans";
import { ratesTests } from "./rates";
import { sourcingTests } from "./sourcing";
import { syncTests } from "./sync";
import { testStoreTests } from "./test-store";
import { webVitalsTests } from "./web-vitals";

// One list per flow, run in this order against one demo stack. Add a flow as tests/<flow>.ts and list it here.
// sourcing → rates → fulfillment share one store: rates and fulfillment sell the product sourcing imported.
export const e2eTests: E2eTest[] = [
  ...embeddedAppTests,
  ...appBridgeTests,
  ...testStoreTests,
  ...sourcingTests,
  ...ratesTests,
  ...overseasTests,
  ...fulfillmentTests,
  ...extensionsTests,
  ...privacyTests,
  ...jdTests,
  ...plansTests,
  // After plans: the DDP wording needs a plan with duties-included rates (Free quotes DDP services as DDU, ADR 1000).
  ...complianceTests,
  ...cjTests,
  ...linkingTests,
  ...syncTests,
  ...webVitalsTests,
  ...i18nTests,
  ...i18nOrderTests,
  ...i18nSourcingTests,
  ...i18nShippingTests,
];
