import { createHmac, timingSafeEqual } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export const SOLAPI_KEY = 'NCSTESTKEY0001'
export const SOLAPI_SECRET = 'stand-in-secret-0123456789abcdefghij'

/** What the stand-in does with the next requests (default: accept). */
export type SolapiBehaviour =
  | 'accept'
  | 'error500'
  | 'error400'
  | 'refuse' // 200 with the message in failedMessageList, as Solapi answers an invalid number
  | 'hang' // never answers (a timeout, or a process killed mid-send)
  | { delayMs: number } // answers, late

export interface ReceivedMessage {
  authorization: string
  signatureValid: boolean
  body: {
    messages: Array<{
      to: string
      from: string
      text: string
      type: string
      kakaoOptions: {
        pfId: string
        templateId: string
        variables: Record<string, string>
        disableSms: boolean
      }
      customFields: { deliveryId: string }
    }>
    showMessageList?: boolean
  }
}

/**
 * A loopback stand-in for Solapi's `POST /messages/v4/send-many/detail`, answering in the shapes of
 * its documentation and its SDK's types (DetailGroupMessageResponse; `{ errorCode, errorMessage }` for
 * errors). It checks the HMAC-SHA256 Authorization header as Solapi does and answers 401 when it is wrong.
 */
export class SolapiStandIn {
  readonly received: ReceivedMessage[] = []
  /** Behaviours for the next requests, in order; then `fallback`. */
  readonly queue: SolapiBehaviour[] = []
  fallback: SolapiBehaviour = 'accept'
  private server: Server | null = null
  private hanging: ServerResponse[] = []
  private sequence = 0

  get url(): string {
    const address = this.server?.address() as AddressInfo
    return `http://127.0.0.1:${address.port}`
  }

  async start(port = 0): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res))
    // Idle connections stay open until close(): on a loaded machine the client's reuse of a socket
    // can come after a server-side keep-alive timeout, and the send fails with ECONNRESET (which the
    // worker would retry, but a test expects the first attempt to succeed).
    this.server.keepAliveTimeout = 0
    await new Promise<void>((resolve) => this.server?.listen(port, '127.0.0.1', resolve))
    return this
  }

  /** Cuts the connections of requests left hanging (their senders see a network error). */
  cutHanging(): void {
    for (const res of this.hanging) res.destroy()
    this.hanging = []
  }

  async close(): Promise<void> {
    this.cutHanging()
    this.server?.closeAllConnections()
    await new Promise<void>((resolve) => this.server?.close(() => resolve()))
  }

  /** Delivery ids of the messages received (in order, duplicates included). */
  deliveryIds(): string[] {
    return this.received.flatMap((r) => r.body.messages.map((m) => m.customFields.deliveryId))
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = []
    for await (const chunk of req) chunks.push(chunk as Buffer)
    const json = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' })
      res.end(JSON.stringify(body))
    }
    if (req.method !== 'POST' || req.url !== '/messages/v4/send-many/detail') {
      json(404, { errorCode: 'NotFound', errorMessage: 'Not Found' })
      return
    }
    const authorization = String(req.headers.authorization ?? '')
    const signatureValid = verify(authorization)
    const body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as ReceivedMessage['body']
    this.received.push({ authorization, signatureValid, body })
    if (!signatureValid) {
      json(401, { errorCode: 'SignatureDoesNotMatch', errorMessage: '잘못된 서명입니다.' })
      return
    }
    const behaviour = this.queue.shift() ?? this.fallback
    if (behaviour === 'hang') {
      this.hanging.push(res)
      return
    }
    if (typeof behaviour === 'object') await new Promise((resolve) => setTimeout(resolve, behaviour.delayMs))
    if (behaviour === 'error500') {
      json(500, { errorCode: 'InternalError', errorMessage: 'Internal Server Error' })
      return
    }
    if (behaviour === 'error400') {
      json(400, { errorCode: 'ValidationError', errorMessage: 'templateId가 올바르지 않습니다.' })
      return
    }
    const n = ++this.sequence
    const groupId = `G4V20261126${String(n).padStart(6, '0')}STANDIN`
    const messages = body.messages.map((m, i) => ({
      messageId: `M4V20261126${String(n).padStart(6, '0')}${i}STANDIN`,
      to: m.to,
      from: m.from,
      type: m.type,
      customFields: m.customFields,
    }))
    const refused = behaviour === 'refuse'
    json(200, {
      failedMessageList: refused
        ? messages.map((m) => ({
            ...m,
            statusCode: '1062',
            statusMessage: '유효하지 않은 수신번호입니다.',
            country: '82',
            accountId: '12925149',
          }))
        : [],
      groupInfo: {
        groupId,
        count: {
          total: messages.length,
          registeredFailed: refused ? messages.length : 0,
          registeredSuccess: refused ? 0 : messages.length,
        },
        status: 'SENDING',
      },
      messageList: refused
        ? []
        : messages.map((m) => ({
            messageId: m.messageId,
            statusCode: '2000',
            statusMessage: '정상 접수(이통사로 접수 예정) ',
            customFields: m.customFields,
          })),
    })
  }
}

/** Solapi's check: signature = hex HMAC-SHA256(secret, date + salt), the date recent. */
function verify(header: string): boolean {
  const match = /^HMAC-SHA256 apiKey=([^,]+), date=([^,]+), salt=([^,]+), signature=([0-9a-f]+)$/.exec(header)
  if (!match) return false
  const [, apiKey, date, salt, signature] = match as unknown as [string, string, string, string, string]
  if (apiKey !== SOLAPI_KEY) return false
  if (Math.abs(Date.now() - Date.parse(date)) > 15 * 60_000) return false
  const expected = createHmac('sha256', SOLAPI_SECRET)
    .update(date + salt)
    .digest()
  const given = Buffer.from(signature, 'hex')
  return given.length === expected.length && timingSafeEqual(given, expected)
}

/** The environment that points the API at the stand-in. */
export function solapiEnv(
  standIn: SolapiStandIn,
  extra: Record<string, string> = {},
): Record<string, string> {
  return {
    NOTIFY_PROVIDER: 'solapi',
    SOLAPI_API_BASE: standIn.url,
    SOLAPI_API_KEY: SOLAPI_KEY,
    SOLAPI_API_SECRET: SOLAPI_SECRET,
    SOLAPI_PFID: 'KA01PF2611260000000000STANDIN',
    SOLAPI_SENDER: '0212345678',
    NOTIFY_TEMPLATE_MATCH_CREATED: 'KA01TP-MATCH-CREATED',
    NOTIFY_TEMPLATE_PAYMENT_VERIFIED: 'KA01TP-PAYMENT-VERIFIED',
    NOTIFY_TEMPLATE_MATCH_ACTIVATED: 'KA01TP-MATCH-ACTIVATED',
    NOTIFY_LINK_URL: 'https://shh.example/notifications',
    ...extra,
  }
}
