import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Banner, BlockStack, Button, Card, EmptyState, IndexTable, Page, Text } from "@shopify/polaris";
import { authenticate } from "../shopify.server";
import { deadJobsForShop, retryShopDeadJob } from "../server/jobs-admin/dead-jobs.server";

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
  return (
    <Page title="Background jobs" backAction={{ url: "/app" }}>
      <BlockStack gap="400">
        {result?.outcome === "retried" && <Banner tone="success">The job will run again shortly.</Banner>}
        {result && result.outcome !== "retried" && <Banner tone="warning">That job is no longer waiting for a retry.</Banner>}
        <Card padding="0">
          {deadJobs.length === 0 ? (
            <EmptyState heading="No failed jobs" image="">
              <Text as="p">Imports, supplier orders and tracking updates that fail every retry appear here.</Text>
            </EmptyState>
          ) : (
            <IndexTable
              resourceName={{ singular: "failed job", plural: "failed jobs" }}
              itemCount={deadJobs.length}
              selectable={false}
              headings={[{ title: "Job" }, { title: "Attempts" }, { title: "Last error" }, { title: "" }]}
            >
              {deadJobs.map((job, index) => (
                <IndexTable.Row id={job.id} key={job.id} position={index}>
                  <IndexTable.Cell><Text as="span" fontWeight="semibold">{job.queue}</Text></IndexTable.Cell>
                  <IndexTable.Cell>{job.attempts}</IndexTable.Cell>
                  <IndexTable.Cell><Text as="span" tone="critical">{job.lastError ?? "—"}</Text></IndexTable.Cell>
                  <IndexTable.Cell>
                    <Form method="post">
                      <input type="hidden" name="jobId" value={job.id} />
                      <Button submit loading={busy}>Retry</Button>
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
