/**
 * The state of a submission batch in words: the Chinese labels are shared by the rejected-rows page (through the i18n
 * messages) and the server's batch export, so the two never say different things.
 */
export const BATCH_STATUS_ZH: Record<string, string> = { stored: '已入库', committing: '提交中断（待原键重试）' };
