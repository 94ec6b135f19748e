import { useFetcher, useRevalidator } from "@remix-run/react";
import { Banner, BlockStack, Card, List, ProgressBar, Text } from "@shopify/polaris";
import { useEffect, useRef } from "react";

export interface ImportJobView {
  id: string; mode: string; status: string; total: number; done: number; failed: number; error: string | null;
  failures: Array<{ importItemId: string; title: string; error: string }>;
}

const RUNNING = new Set(["queued", "running", "awaiting_bulk"]);

/** Polls the job's status route while it runs; failures stay listed with Shopify's reason. */
export function ImportProgress({ initial }: { initial: ImportJobView }) {
  const fetcher = useFetcher<ImportJobView>();
  const job = fetcher.data ?? initial;
  const running = RUNNING.has(job.status);
  const revalidator = useRevalidator();
  const wasRunning = useRef(running);
  // When the job settles, reload the list so each product's status and error show without a manual refresh.
  useEffect(() => {
    if (wasRunning.current && !running) revalidator.revalidate();
    wasRunning.current = running;
  }, [running, revalidator]);
  useEffect(() => {
    if (!running) return;
    const timer = setInterval(() => { if (fetcher.state === "idle") fetcher.load(`/app/import-list/jobs/${job.id}`); }, 1500);
    return () => clearInterval(timer);
  }, [running, job.id, fetcher]);
  const settled = job.done + job.failed;
  return (
    <Card>
      <BlockStack gap="200">
        <Text as="h2" variant="headingMd">
          {running ? `Importing ${job.total} products${job.mode === "bulk" ? " (one bulk operation)" : ""}…` : `Last import: ${job.done} of ${job.total} pushed`}
        </Text>
        <ProgressBar progress={job.total ? Math.round((settled / job.total) * 100) : 0} tone={job.failed ? "critical" : "primary"} />
        {job.status === "awaiting_bulk" ? <Text as="p" tone="subdued">Shopify is creating the products; this page updates when it reports back.</Text> : null}
        {job.error ? <Banner tone="critical">{job.error}</Banner> : null}
        {job.failures.length ? (
          <Banner tone="warning" title={`${job.failed} product${job.failed === 1 ? "" : "s"} could not be pushed`}>
            <List>{job.failures.map((f) => <List.Item key={f.importItemId}>{f.title}: {f.error}</List.Item>)}</List>
          </Banner>
        ) : null}
      </BlockStack>
    </Card>
  );
}
