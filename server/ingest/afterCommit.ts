import { refreshRectification } from '../inspection/rectification';

/**
 * What follows a commit of data: supervision notice items the new rows put right are recorded as rectified (and
 * notices closed). The rows are committed whatever happens here: a failed check is logged, and the next commit's
 * check, which looks at every open item, catches up.
 */
export async function afterCommit(): Promise<void> {
  try {
    await refreshRectification();
  } catch (error) {
    console.error('[ingest] rectification check after a commit failed; the next commit checks again:', error);
  }
}
