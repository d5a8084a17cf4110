// A Route Handler the browser polls (GET /api/payments/<id>) until the deposit is verified: the
// Next.js server adds the API token, so it never leaves the httpOnly cookie.
import { api } from '@/lib/api'

export async function GET(_request: Request, context: { params: Promise<{ paymentId: string }> }) {
  const { paymentId } = await context.params
  const { data, error, response } = await (await api()).GET('/payments/{paymentId}', {
    params: { path: { paymentId } },
  })
  if (data) return Response.json({ status: data.status, expiresAt: data.expiresAt })
  return Response.json({ code: error?.error.code ?? 'UNEXPECTED_RESPONSE' }, { status: response.status })
}
