// Storefront side of the Silkroute delivery estimate block. An ES module served as a theme asset as-is (theme app
// extensions do not bundle): the pure functions are exported for the app's tests, the DOM part runs in a browser.

/** The app proxy URL for the block's variant and the buyer's country and currency. */
export function estimateUrl(data) {
  const params = new URLSearchParams({ variant: data.variant, country: data.country, currency: data.currency, price: data.price, grams: data.grams || "0" });
  return `${data.endpoint}?${params}`;
}

/** The picked variant's id, price and grams from the block's `data-variants` map ({ id: [price, grams] }). */
export function pickVariant(data, id) {
  try {
    const known = JSON.parse(data.variants || "{}")[id];
    return known ? { variant: String(id), price: String(known[0]), grams: String(known[1]) } : {};
  } catch {
    return {};
  }
}

const fill = (template, values) => template.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? "");

/**
 * "Ships from China · arrives 10 Dec – 18 Dec · duties included", in the storefront's language: templates from
 * the block's locale file (Liquid's `t`), country names, dates and money from Intl for `locale`. Null when the
 * app has no estimate.
 */
export function estimateText(estimate, templates, locale, options = { showDuties: true }) {
  if (!estimate || !estimate.available) return null;
  const country = new Intl.DisplayNames([locale], { type: "region" }).of(estimate.warehouseCountry) ?? estimate.warehouseCountry;
  const day = new Intl.DateTimeFormat(locale, { month: "short", day: "numeric", timeZone: "UTC" });
  const date = (iso) => day.format(new Date(`${iso}T12:00:00Z`));
  const parts = [fill(templates.shipsFrom, { country }), fill(templates.arrives, { from: date(estimate.minDate), to: date(estimate.maxDate) })];
  if (options.showDuties) {
    if (estimate.duties === "included") parts.push(templates.dutiesIncluded);
    else if (estimate.duties === "none") parts.push(templates.dutiesNone);
    else if (estimate.dutiesDue) parts.push(fill(templates.dutiesDue, { amount: formatMinor(estimate.dutiesDue, locale) }));
    else parts.push(templates.dutiesMayBeDue);
  }
  return parts.join(" · ");
}

function formatMinor(money, locale) {
  const format = new Intl.NumberFormat(locale, { style: "currency", currency: money.currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(money.amountMinor / 10 ** digits);
}

function templatesOf(data) {
  return { shipsFrom: data.tShipsFrom, arrives: data.tArrives, dutiesIncluded: data.tDutiesIncluded, dutiesDue: data.tDutiesDue, dutiesMayBeDue: data.tDutiesMayBeDue, dutiesNone: data.tDutiesNone };
}

async function show(element) {
  const data = { ...element.dataset };
  const form = element.closest("section, .shopify-section")?.querySelector('form[action*="/cart/add"] [name="id"]');
  if (form?.value) Object.assign(data, pickVariant(data, form.value)); // the variant the buyer picked, where the theme keeps it
  try {
    const response = await fetch(estimateUrl(data), { headers: { Accept: "application/json" } });
    const text = response.ok ? estimateText(await response.json(), templatesOf(data), data.locale || document.documentElement.lang || "en", { showDuties: data.showDuties !== "false" }) : null;
    element.querySelector(".silkroute-estimate__text").textContent = text ?? "";
    element.hidden = !text;
  } catch {
    element.hidden = true; // no estimate is better than a wrong one
  }
}

if (typeof document !== "undefined") {
  for (const element of document.querySelectorAll("[data-silkroute-estimate]")) {
    void show(element);
    element.closest("section, .shopify-section")?.addEventListener("change", (event) => {
      if (event.target instanceof HTMLElement && event.target.closest('form[action*="/cart/add"]')) void show(element);
    });
  }
}
