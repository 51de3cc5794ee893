// Placeholder: the query handler lands with issue 7.
export const handler = async (): Promise<{ statusCode: number; body: string }> => ({
  statusCode: 503,
  body: '',
});
