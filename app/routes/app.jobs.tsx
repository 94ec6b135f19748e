import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, EmptyState, IndexTable, Page, Text } from "@shopify/polaris";
import { authenticate } from "../shopify.server";
import { deadJobsForShop, retryShopDeadJob } from "../server/jobs-admin/dead-jobs.server";
import { useFormat, useT } from "../i18n/react";

export const loader = async ({ request }: LoaderFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  return json({ deadJobs: await deadJobsForShop(session.shop) });
};

export const action = async ({ request }: ActionFunctionArgs) => {
  const { session } = await authenticate.admin(request);
  const jobId = String((await request.formData()).get("jobId") ?? "");
  if (!jobId) return json({ outcome: "not-found" as const }, { status: 400 });
  const outcome = await retryShopDeadJob(session.shop, jobId);
  return json({ outcome }, { status: outcome === "retried" ? 200 : 404 });
};

export default function Jobs() {
  const { deadJobs } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== "idle";
  const t = useT("jobs");
  const fmt = useFormat();
  return (
    <Page title={t("title")} backAction={{ url: "/app" }}>
      <BlockStack gap="400">
        {result?.outcome === "retried" && <Banner tone="success">{t("retried")}</Banner>}
        {result && result.outcome !== "retried" && <Banner tone="warning">{t("notFound")}</Banner>}
        <Card padding="0">
          {deadJobs.length === 0 ? (
            <EmptyState heading={t("empty.heading")} image="">
              <Text as="p">{t("empty.body")}</Text>
            </EmptyState>
          ) : (
            <IndexTable
              resourceName={{ singular: t("resource.singular"), plural: t("resource.plural") }}
              itemCount={deadJobs.length}
              selectable={false}
              headings={[{ title: t("columns.job") }, { title: t("columns.attempts") }, { title: t("columns.lastError") }, { title: "" }]}
            >
              {deadJobs.map((job, index) => (
                <IndexTable.Row id={job.id} key={job.id} position={index}>
                  <IndexTable.Cell><span translate="no"><Text as="span" fontWeight="semibold">{job.queue}</Text></span></IndexTable.Cell>
                  <IndexTable.Cell>{fmt.number(job.attempts)}</IndexTable.Cell>
                  <IndexTable.Cell><Text as="span" tone="critical">{job.lastError ?? "—"}</Text></IndexTable.Cell>
                  <IndexTable.Cell>
                    <Form method="post">
                      <input type="hidden" name="jobId" value={job.id} />
                      <Button submit loading={busy}>{t("retry")}</Button>
                    </Form>
                  </IndexTable.Cell>
                </IndexTable.Row>
              ))}
            </IndexTable>
          )}
        </Card>
      </BlockStack>
    </Page>
  );
}
