import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Card, EmptyState, Page } from "@shopify/polaris";
import { authenticate } from "../shopify.server";

// An unknown admin path renders inside the app layout, so App Bridge and the navigation stay alive.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return json(null, { status: 404 });
};

export default function NotFound() {
  return (
    <Page title="Page not found">
      <Card>
        <EmptyState heading="This page does not exist" image="" action={{ content: "Go to Silkroute home", url: "/app" }}>
          <p>The link may be out of date. Use the navigation to find what you were looking for.</p>
        </EmptyState>
      </Card>
    </Page>
  );
}

