/**
 * Rule-like sentences in descriptions the app's documents use that the emulator deliberately does not enforce,
 * each with the reason. The description scan (app/server/shopify/graphql-rules.test.ts) accepts a coordinate
 * only if it has a rule in `table.ts` or a reason here.
 */
export const SKIPPED: Record<string, string> = {
  // Words that describe rather than constrain.
  "Mutation.inventorySetQuantities(input)": "'The information required to …': names the argument, states no rule (the rules are on its input fields).",
  "Mutation.publishablePublish(input)": "'Specifies the input fields required to publish': names the argument, states no rule.",
  "Mutation.stagedUploadsCreate(input)": "'The information required to …': names the argument, states no rule.",
  "ProductSetInput.redirectNewHandle": "'Whether a redirect is required': a choice, not a constraint.",
  "ProductVariant.sku": "'Required in order to connect to a fulfillment service': output field; the app always sets SKUs (import pipeline).",
  "Mutation.carrierServiceCreate": "'The service must be active to provide rates': checkout behaviour, modelled in checkout.ts (inactive services are not asked).",
  "Shop.assignedFulfillmentOrders": "'The app must have read_assigned_fulfillment_orders': an access-scope rule; the emulator grants the scopes in shopify.app.toml.",
  "Mutation.fulfillmentServiceCreate(fulfillmentOrdersOptIn)": "'As of 2022-07 …' the fulfillment-order workflow is the only one; the argument is deprecated and ignored.",
  "QueryRoot.products(query)": "'deprecated as of 2025-12' names the publishable_status search filter; the app does not use it.",
  "QueryRoot.productVariants(query)": "'deprecated as of 2025-12' names a search filter the app does not use.",
  "QueryRoot.collections(query)": "'deprecated as of 2025-12' names a search filter the app does not use.",
  "QueryRoot.order": "Mentions API rate limits, which cost.ts and throttle.ts model (cost, leaky bucket, THROTTLED).",
  "Product.variants": "'you can fetch up to 2048 variants': a read limit; the app reads at most 60 per product.",
  // Rules not enforced, with why.
  "MetafieldInput.key": "2–64 characters and 'required when creating': Shopify's answer on productSet is not documented; the app's keys are constants (supplier mapping) covered by their own tests.",
  "MetafieldInput.namespace": "3–255 characters and 'required when creating': the app always writes the `$app` namespace; the error shape on productSet is not documented.",
  "MetafieldInput.type": "'Required when creating … without a definition': the app declares its metafield definitions in shopify.app.toml and always sends the type.",
  "ProductVariantSetInput.file": "'must also be specified in the files input': the app only sets a variant file that is in `files` (product-set-input.ts); Shopify's error code for it is undocumented.",
  "ProductSetInventoryInput.name": "'Must be one of available or on_hand': the app always sends `available`; productSet's error for it is undocumented.",
  "InventorySetQuantitiesInput.referenceDocumentUri": "'must be a valid URI, all GID parts present': INVALID_REFERENCE_DOCUMENT's exact validation is undocumented; the app sends a fixed silkroute:// URI.",
  "FulfillmentTrackingInput.url": "'must be an RFC 3986/3987 URI': the URL scalar already refuses non-URLs at coercion on Shopify; the app builds tracking URLs from carrier templates.",
  "FulfillmentTrackingInput.urls": "Same as FulfillmentTrackingInput.url.",
  "DeliveryCarrierServiceCreateInput.callbackUrl": "'must be a public URL': the emulator and demo run the app on 127.0.0.1; production registers the public app URL.",
  "DeliveryCarrierServiceUpdateInput.callbackUrl": "Same as DeliveryCarrierServiceCreateInput.callbackUrl.",
  "FulfillmentOrderLineItemsInput.fulfillmentOrderLineItems": "'Accepts a maximum of 512 line items': the answer's shape is undocumented; the app sends at most the 20 lines it reads per fulfillment order.",
  "Mutation.locationEdit": "'You can't disable fulfillsOnlineOrders' on fulfillment service locations: the app only ever sets it to true; the refusal's shape is undocumented.",
  "LocationEditInput.fulfillsOnlineOrders": "Same as Mutation.locationEdit.",
  "Mutation.productVariantsBulkUpdate(allowPartialUpdates)": "Describes partial updates ('cannot be persisted'); the app sends whole batches without the flag, and the emulator applies them all or none.",
  "ProductVariantsBulkInput.inventoryQuantities": "'can't exceed the amount specified for the plan': the app never sends quantities through productVariantsBulkUpdate (stock goes through inventorySetQuantities).",
  "StagedUploadInput.fileSize": "'required when the resource is VIDEO or MODEL_3D': the app stages only BULK_MUTATION_VARIABLES uploads.",
  "Mutation.stagedUploadsCreate": "Same as StagedUploadInput.fileSize.",
};
