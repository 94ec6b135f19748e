import type { Rec } from "../state";

/** Webhook bodies use the legacy REST resource shape: numeric ids, snake_case, plus admin_graphql_api_id. */
export function num(gid: string | null | undefined): number | null {
  if (!gid) return null;
  const m = /\/(\d+)(\?.*)?$/.exec(gid);
  return m ? Number(m[1]) : null;
}

export function productPayload(p: Rec): Rec {
  return {
    admin_graphql_api_id: p.id,
    id: num(p.id),
    title: p.title,
    body_html: p.descriptionHtml,
    vendor: p.vendor,
    product_type: p.productType,
    handle: p.handle,
    status: String(p.status).toLowerCase(),
    tags: p.tags.join(", "),
    created_at: p.createdAt,
    updated_at: p.updatedAt,
    published_at: typeof p.publishedAt === "function" ? p.publishedAt() : p.publishedAt ?? null,
    options: p.options.map((o: Rec) => ({ id: num(o.id), product_id: num(p.id), name: o.name, position: o.position, values: o.optionValues.map((v: Rec) => v.name) })),
    variants: p.variants.map((v: Rec) => variantPayload(p, v)),
    images: p.media.map((m: Rec, i: number) => ({ id: num(m.id), product_id: num(p.id), position: i + 1, src: m.image?.url, alt: m.alt, admin_graphql_api_id: m.id })),
    image: null,
    media: p.media.map((m: Rec) => ({ id: num(m.id), admin_graphql_api_id: m.id, media_content_type: "IMAGE", alt: m.alt })),
    variant_gids: p.variants.map((v: Rec) => ({ admin_graphql_api_id: v.id, updated_at: v.updatedAt })),
  };
}

function variantPayload(p: Rec, v: Rec): Rec {
  const weight = v.inventoryItem.measurement.weight;
  return {
    admin_graphql_api_id: v.id,
    id: num(v.id),
    product_id: num(p.id),
    title: v.title,
    price: v.price,
    compare_at_price: v.compareAtPrice,
    sku: v.inventoryItem.sku,
    barcode: v.barcode,
    position: v.position,
    inventory_policy: String(v.inventoryPolicy).toLowerCase(),
    taxable: v.taxable,
    option1: v.selectedOptions[0]?.value ?? null,
    option2: v.selectedOptions[1]?.value ?? null,
    option3: v.selectedOptions[2]?.value ?? null,
    inventory_item_id: num(v.inventoryItem.id),
    inventory_quantity: v.inventoryQuantity(),
    grams: gramsOf(weight),
    weight: weight?.value ?? 0,
    weight_unit: weightUnitCode(weight?.unit),
    requires_shipping: v.inventoryItem.requiresShipping,
    created_at: v.createdAt,
    updated_at: v.updatedAt,
  };
}

export function gramsOf(weight: Rec | null | undefined): number {
  if (!weight) return 0;
  const factor: Record<string, number> = { GRAMS: 1, KILOGRAMS: 1000, OUNCES: 28.349523125, POUNDS: 453.59237 };
  return Math.round(Number(weight.value) * (factor[weight.unit] ?? 1));
}

function weightUnitCode(unit: string | undefined): string {
  return ({ GRAMS: "g", KILOGRAMS: "kg", OUNCES: "oz", POUNDS: "lb" } as Record<string, string>)[unit ?? "KILOGRAMS"] ?? "kg";
}

export function addressPayload(a: Rec | null): Rec | null {
  if (!a) return null;
  return {
    first_name: a.firstName, last_name: a.lastName, name: a.name, address1: a.address1, address2: a.address2,
    city: a.city, province: a.province, province_code: a.provinceCode, zip: a.zip, country: a.country,
    country_code: a.countryCodeV2, phone: a.phone, company: a.company,
  };
}

export function orderPayload(o: Rec): Rec {
  return {
    admin_graphql_api_id: o.id,
    id: num(o.id),
    name: o.name,
    order_number: o.number,
    email: o.email,
    created_at: o.createdAt,
    updated_at: o.updatedAt,
    processed_at: o.processedAt,
    cancelled_at: o.cancelledAt,
    cancel_reason: o.cancelReason ? String(o.cancelReason).toLowerCase() : null,
    currency: o.currencyCode,
    presentment_currency: o.currencyCode,
    financial_status: "paid",
    fulfillment_status: o.fulfillmentStatusRest(),
    total_price: o.totalPriceSet.shopMoney.amount,
    subtotal_price: o.subtotalPriceSet.shopMoney.amount,
    total_weight: o.totalWeight,
    test: o.test,
    tags: o.tags.join(", "),
    shipping_address: addressPayload(o.shippingAddress),
    billing_address: addressPayload(o.billingAddress),
    shipping_lines: o.shippingLine ? [{ title: o.shippingLine.title, code: o.shippingLine.code, price: o.shippingLine.originalPriceSet.shopMoney.amount, source: o.shippingLine.source }] : [],
    line_items: o.lineItems.map((li: Rec) => ({
      admin_graphql_api_id: li.id,
      id: num(li.id),
      name: li.name,
      title: li.title,
      variant_title: li.variantTitle,
      sku: li.sku,
      vendor: li.vendor,
      quantity: li.quantity,
      price: li.originalUnitPriceSet.shopMoney.amount,
      grams: li.grams,
      product_id: num(li.product?.id),
      variant_id: num(li.variant?.id),
      requires_shipping: li.requiresShipping,
      taxable: li.taxable,
      fulfillable_quantity: li.unfulfilledQuantity(),
      fulfillment_service: li.fulfillmentServiceHandle,
    })),
  };
}

export function fulfillmentOrderPayload(fo: Rec, extra: Rec = {}): Rec {
  return { fulfillment_order: { id: fo.id, status: String(fo.status).toLowerCase(), request_status: String(fo.requestStatus).toLowerCase() }, ...extra };
}

export function fulfillmentPayload(f: Rec): Rec {
  const tracking = f.tracking as Rec[];
  return {
    admin_graphql_api_id: f.id,
    id: num(f.id),
    order_id: num(f.order.id),
    name: f.name,
    status: String(f.status).toLowerCase(),
    shipment_status: f.displayStatus ? String(f.displayStatus).toLowerCase() : null,
    created_at: f.createdAt,
    updated_at: f.updatedAt,
    tracking_company: tracking[0]?.company ?? null,
    tracking_number: tracking[0]?.number ?? null,
    tracking_numbers: tracking.map((t) => t.number).filter(Boolean),
    tracking_url: tracking[0]?.url ?? null,
    tracking_urls: tracking.map((t) => t.url).filter(Boolean),
    location_id: num(f.location?.id),
    notify_customer: f.notifyCustomer,
    line_items: f.fulfillmentLineItems.map((fli: Rec) => ({ id: num(fli.lineItem.id), quantity: fli.quantity, sku: fli.lineItem.sku, admin_graphql_api_id: fli.lineItem.id })),
  };
}
