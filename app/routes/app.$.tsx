import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Card, EmptyState, Page } from "@shopify/polaris";
import { authenticate } from "../shopify.server";
import { useT } from "../i18n/react";

// An unknown admin path renders inside the app layout, so App Bridge and the navigation stay alive.
export const loader = async ({ request }: LoaderFunctionArgs) => {
  await authenticate.admin(request);
  return json(null, { status: 404 });
};

export default function NotFound() {
  const t = useT("common");
  return (
    <Page title={t("notFound.title")}>
      <Card>
        <EmptyState heading={t("notFound.heading")} image="" action={{ content: t("notFound.action"), url: "/app" }}>
          <p>{t("notFound.body")}</p>
        </EmptyState>
      </Card>
    </Page>
  );
}

