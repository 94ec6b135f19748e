import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError, type ShouldRevalidateFunction } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css";
import polarisEn from "@shopify/polaris/locales/en.json";
import polarisZhCn from "@shopify/polaris/locales/zh-CN.json";
import { useTranslation } from "react-i18next";
import { authenticate, config } from "../shopify.server";
import { appBridgeUrl } from "../server/config";
import db from "../db.server";
import { localeFromRequest } from "../i18n/locale.server";
import { recordShopLocale } from "../server/shops.server";
import { I18nProvider } from "../i18n/react";
import type { Locale } from "../i18n/locales";

const POLARIS_TRANSLATIONS: Record<Locale, typeof polarisEn> = { en: polarisEn, "zh-CN": polarisZhCn };

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const [locale, shop] = await Promise.all([
    localeFromRequest(request),
    db.shop.findUnique({ where: { domain: session.shop }, select: { ianaTimezone: true, locale: true } }),
  ]);
  // A document load names the staff member's language: notes written to Shopify follow it (shops.server.ts).
  if (shop && shop.locale !== locale && new URL(request.url).searchParams.has("locale")) await recordShopLocale(session.shop, locale);
  return json({ apiKey: config.SHOPIFY_API_KEY, appBridgeUrl: appBridgeUrl(config) ?? null, locale, timeZone: shop?.ianaTimezone ?? "UTC" });
};

// Only document loads carry Shopify's `locale` parameter; revalidations after an action keep the page's language
// unless the URL names a locale itself.
export const shouldRevalidate: ShouldRevalidateFunction = ({ nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate && nextUrl.searchParams.has("locale");

export default function App() {
  const { apiKey, appBridgeUrl, locale, timeZone } = useLoaderData<typeof loader>();

  return (
    <AppProvider isEmbeddedApp apiKey={apiKey} i18n={POLARIS_TRANSLATIONS[locale]} {...(appBridgeUrl ? { __APP_BRIDGE_URL: appBridgeUrl } : {})}>
      <I18nProvider locale={locale} timeZone={timeZone}>
        <AppNav />
        <Outlet />
      </I18nProvider>
    </AppProvider>
  );
}

function AppNav() {
  const { t } = useTranslation("common");
  return (
    <NavMenu>
      <Link to="/app" rel="home">{t("nav.home")}</Link>
      <Link to="/app/catalog">{t("nav.catalog")}</Link>
      <Link to="/app/import-list">{t("nav.importList")}</Link>
      <Link to="/app/mappings">{t("nav.mappings")}</Link>
      <Link to="/app/sync">{t("nav.sync")}</Link>
      <Link to="/app/orders">{t("nav.orders")}</Link>
      <Link to="/app/shipping">{t("nav.shipping")}</Link>
      <Link to="/app/consolidation">{t("nav.consolidation")}</Link>
      <Link to="/app/settings">{t("nav.settings")}</Link>
      <Link to="/app/privacy">{t("nav.privacy")}</Link>
      <Link to="/app/plans">{t("nav.plans")}</Link>
    </NavMenu>
  );
}

// Remix must see thrown responses so Shopify's auth headers reach the browser.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
