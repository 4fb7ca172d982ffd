/** The message to show for a failed tRPC call: the validation messages when the input was refused, else the message. */
export function errorText(error: unknown): string {
  const data = (error as { data?: { zodIssues?: Array<{ path: PropertyKey[]; message: string }> } } | null)?.data;
  if (data?.zodIssues?.length) {
    return data.zodIssues.map((i) => (i.path.length ? `${i.path.map(String).join('.')}: ${i.message}` : i.message)).join('；');
  }
  return error instanceof Error ? error.message : String(error);
}
