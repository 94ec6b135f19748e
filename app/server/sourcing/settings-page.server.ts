import { connectEmulatedJd, emulatedJdUrl } from "../consolidation/emulated-jd.server";
import { SUPPLIER_DESCRIPTORS, SupplierConfigError } from "../suppliers/registry";
import { fxRatesView, pricingFormFrom, pricingRulesFromForm, saveFxOverride } from "./settings-form.server";
import { getSourcingSettings, saveSourcingSettings } from "./settings.server";
import { chosenChannels, salesChannels } from "./push/sales-channels.server";
import type { AdminClient } from "../shopify/admin-client";
import { disconnectSupplier, isSupplierCode, listConnections, saveCredentials, setDefaultSupplier, testConnection } from "./supplier-connections.server";
import { message, type Message } from "../../i18n/message";

/** The channels Shopify offers and the ones chosen (the Online Store stands in for "none chosen"). */
async function channelsView(admin: AdminClient | null, chosen: string[] | null) {
  const options = admin ? await salesChannels(admin).catch(() => []) : [];
  return { options, chosen: chosenChannels(options, chosen).map((c) => c.id) };
}

/** Everything the settings page shows; credential values never leave the server. */
export async function settingsPageData(shop: string, admin: AdminClient | null = null) {
  const [connections, settings] = await Promise.all([listConnections(shop), getSourcingSettings(shop)]);
  return {
    connections: connections.map((c) => ({
      supplier: c.supplier, label: c.descriptor.label, connected: c.connected, isDefault: c.isDefault, status: c.status,
      lastError: c.lastError, lastCheckedAt: c.lastCheckedAt,
      fields: c.descriptor.credentialFields.map((f) => ({ ...f, filled: c.filledFields.includes(f.key) })),
    })),
    currency: settings.pricingRules.currency,
    pricing: pricingFormFrom(settings.pricingRules),
    sync: { stockSync: settings.stockSync, autoPriceSync: settings.autoPriceSync },
    channels: await channelsView(admin, settings.publicationGids),
    rates: await fxRatesView(shop, settings.pricingRules),
    emulatedJd: emulatedJdUrl() !== null,
    /** Demo and tests run a CJ emulator with a ready-made account; the page offers it in one click. */
    cjEmulated: Boolean(process.env.CJ_EMULATOR_API_KEY && process.env.CJ_API_BASE_URL),
  };
}

/** `notice` is a settings-page message key with its values; supplier and Shopify explanations travel as `detail`. */
export interface SettingsActionResult { ok: boolean; notice: Message | null; errors: Record<string, string> }

const done = (key: string, values?: Record<string, string | number>): SettingsActionResult => ({ ok: true, notice: message(`settings:notice.${key}`, values), errors: {} });
const failed = (key: string, values?: Record<string, string | number>, errors: Record<string, string> = {}): SettingsActionResult => ({ ok: false, notice: message(`settings:notice.${key}`, values), errors });

export async function settingsPageAction(shop: string, form: Record<string, string>): Promise<SettingsActionResult> {
  const supplier = form.supplier;
  try {
    switch (form.intent) {
      case "save-pricing": {
        const { pricingRules } = await getSourcingSettings(shop);
        const parsed = pricingRulesFromForm(form, pricingRules.currency);
        if (!parsed.ok) return failed("pricingInvalid", undefined, parsed.errors);
        await saveSourcingSettings(shop, { pricingRules: parsed.rules });
        return done("pricingSaved");
      }
      case "save-sync":
        await saveSourcingSettings(shop, { stockSync: form.stockSync === "true", autoPriceSync: form.autoPriceSync === "true" });
        return done("syncSaved");
      case "connect-jd-emulated": {
        const r = await connectEmulatedJd(shop);
        return r.ok ? done("detail", { detail: r.message }) : failed("detail", { detail: r.message });
      }
      case "save-channels": {
        const ids = (form.publicationGids ?? "").split(",").map((s) => s.trim()).filter(Boolean);
        await saveSourcingSettings(shop, { publicationGids: ids.length ? ids : null });
        return done(ids.length ? "channelsSaved" : "channelsOnlineStore");
      }
      case "save-fx": {
        const error = await saveFxOverride(shop, form.from ?? "", form.to ?? "", form.rate ?? "");
        return error ? failed("detail", { detail: error }) : done(form.rate?.trim() ? "fxSaved" : "fxReset");
      }
    }
    if (!isSupplierCode(supplier)) return failed("unknownSupplier");
    switch (form.intent) {
      case "save-credentials": {
        const fields = Object.fromEntries(SUPPLIER_DESCRIPTORS[supplier].credentialFields.map((f) => [f.key, form[f.key] ?? ""]));
        await saveCredentials(shop, supplier, fields);
        const test = await testConnection(shop, supplier);
        return test.ok ? done("connected", { supplier }) : failed("savedButTestFailed", { supplier, detail: test.message });
      }
      case "connect-cj-emulated": {
        const apiKey = process.env.CJ_EMULATOR_API_KEY, baseUrl = process.env.CJ_API_BASE_URL;
        if (supplier !== "cj" || !apiKey || !baseUrl) return failed("noCjEmulator");
        await saveCredentials(shop, "cj", { apiKey, baseUrl });
        const test = await testConnection(shop, "cj");
        return test.ok ? done("emulatedConnected", { supplier, detail: test.message }) : failed("emulatedFailed", { supplier, detail: test.message });
      }
      case "test": {
        const test = await testConnection(shop, supplier);
        return test.ok ? done("answered", { supplier }) : failed("testFailed", { supplier, detail: test.message });
      }
      case "set-default":
        await setDefaultSupplier(shop, supplier);
        return done("defaultSet", { supplier });
      case "disconnect":
        await disconnectSupplier(shop, supplier);
        return done("disconnected", { supplier });
      default:
        return failed("unknownAction", { intent: String(form.intent) });
    }
  } catch (error) {
    if (error instanceof SupplierConfigError) return failed("detail", { detail: error.message });
    throw error;
  }
}
