/** Limits of one ingestion request (issue: up to 50 MB and 200,000 rows). */
export const MAX_BODY_BYTES = 50 * 1024 * 1024;
export const MAX_ROWS = 200_000;
/** Rows are validated and staged in chunks of this size, so memory stays flat in the batch size. */
export const CHUNK_ROWS = 20_000;
/** Errors listed in the answer; all of them stay in rejected_rows and GET /ingest/batches/{id}. */
export const ERRORS_IN_ANSWER = 100;
/** A single field value longer than this is rejected (names, document numbers, free text). */
export const MAX_TEXT = 2000;
/** Free JSON (records.data): at most this deep ({} is one level) and this many characters once serialized. */
export const MAX_JSON_DEPTH = 32;
export const MAX_JSON_CHARS = 20_000;
/** Items of a list field (penaltyTypes). */
export const MAX_LIST_ITEMS = 20;
