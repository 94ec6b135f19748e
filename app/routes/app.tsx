import type { HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, Outlet, useLoaderData, useRouteError } from "@remix-run/react";
import { boundary } from "@shopify/shopify-app-remix/server";
import { AppProvider } from "@shopify/shopify-app-remix/react";
import { NavMenu } from "@shopify/app-bridge-react";
import polarisStyles from "@shopify/polaris/build/esm/styles.css";
import { authenticate, config } from "../shopify.server";
import { appBridgeUrl } from "../server/config";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return json({ apiKey: config.SHOPIFY_API_KEY, appBridgeUrl: appBridgeUrl(config) ?? null });
};

export default function App() {
  const { apiKey, appBridgeUrl } = useLoaderData<typeof loader>();

  return (
    <AppProvider isEmbeddedApp apiKey={apiKey} {...(appBridgeUrl ? { __APP_BRIDGE_URL: appBridgeUrl } : {})}>
      <NavMenu>
        <Link to="/app" rel="home">Home</Link>
        <Link to="/app/catalog">Catalog</Link>
        <Link to="/app/import-list">Import list</Link>
        <Link to="/app/mappings">Supplier mappings</Link>
        <Link to="/app/sync">Price and stock sync</Link>
        <Link to="/app/orders">Orders</Link>
        <Link to="/app/shipping">Shipping</Link>
        <Link to="/app/consolidation">China warehouses</Link>
        <Link to="/app/settings">Settings</Link>
        <Link to="/app/privacy">Customer data requests</Link>
        <Link to="/app/plans">Plans</Link>
      </NavMenu>
      <Outlet />
    </AppProvider>
  );
}

// Remix must see thrown responses so Shopify's auth headers reach the browser.
export function ErrorBoundary() {
  return boundary.error(useRouteError());
}

export const headers: HeadersFunction = (headersArgs) => boundary.headers(headersArgs);
