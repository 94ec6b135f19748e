import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { AppProvider, Button, Card, FormLayout, Page, Text, TextField } from "@shopify/polaris";
import polarisTranslations from "@shopify/polaris/locales/en.json";
import polarisStyles from "@shopify/polaris/build/esm/styles.css";
import { useState } from "react";
import { login } from "../../shopify.server";

export const links = () => [{ rel: "stylesheet", href: polarisStyles }];

type LoginErrors = { shop?: string };

function loginErrorMessage(result: unknown): LoginErrors {
  const errors = (result ?? {}) as { shop?: string };
  if (errors.shop === "MISSING_SHOP") return { shop: "Enter your shop domain to log in" };
  if (errors.shop === "INVALID_SHOP") return { shop: "Enter a valid shop domain, such as my-shop.myshopify.com" };
  return {};
}

export const loader = async ({ request }: LoaderFunctionArgs) => {
  // The library's login() reads a form from anything but GET, so a HEAD (a probe, a link checker) was a 500.
  const asGet = request.method === "HEAD" ? new Request(request.url, { method: "GET", headers: request.headers }) : request;
  return json({ errors: loginErrorMessage(await login(asGet)) });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  return json({ errors: loginErrorMessage(await login(request)) });
};

export default function Auth() {
  const loaderData = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [shop, setShop] = useState("");
  const { errors } = actionData ?? loaderData;

  return (
    <AppProvider i18n={polarisTranslations}>
      <Page narrowWidth>
        <Card>
          <Form method="post">
            <FormLayout>
              <Text variant="headingMd" as="h2">Log in to Silkroute</Text>
              <TextField
                type="text"
                name="shop"
                label="Shop domain"
                helpText="example.myshopify.com"
                value={shop}
                onChange={setShop}
                autoComplete="on"
                error={errors.shop}
              />
              <Button submit>Log in</Button>
            </FormLayout>
          </Form>
        </Card>
      </Page>
    </AppProvider>
  );
}
