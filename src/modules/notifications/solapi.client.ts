import { createHmac, randomBytes } from 'node:crypto'
import type { SolapiConfig } from '../../core/config.js'
import { type MessageProvider, ProviderError } from './notifications.provider.js'

/**
 * Kakao 알림톡 through Solapi, with Solapi's SMS fallback when the 알림톡 cannot be delivered
 * (`disableSms: false`). Solapi's own SDK (`solapi`) hard-codes https://api.solapi.com, so this calls
 * its documented REST API directly: `POST /messages/v4/send-many/detail` with an
 * `Authorization: HMAC-SHA256 apiKey=…, date=…, salt=…, signature=…` header, where the signature is
 * hex HMAC-SHA256 of date + salt under the API secret (docs.solapi.com, "API Key 인증"). The base URL
 * (SOLAPI_API_BASE) and the timeout are ours; tests point it at a loopback stand-in.
 *
 * Solapi has no idempotency key: the delivery id goes in `customFields` so that a message sent twice
 * after a crash is recognisable in Solapi's log. Error texts kept from it carry codes, never the
 * number or the message.
 */
export function createSolapiClient(config: SolapiConfig): MessageProvider {
  const url = `${config.apiBase}/messages/v4/send-many/detail`

  function authorization(): string {
    const date = new Date().toISOString()
    const salt = randomBytes(16).toString('hex')
    const signature = createHmac('sha256', config.apiSecret)
      .update(date + salt)
      .digest('hex')
    return `HMAC-SHA256 apiKey=${config.apiKey}, date=${date}, salt=${salt}, signature=${signature}`
  }

  return {
    name: 'solapi',
    async send(message, signal) {
      const templateId = config.templates[message.type]
      if (!templateId) throw new ProviderError(`no 알림톡 template configured for ${message.type}`)
      const body = {
        messages: [
          {
            to: message.to,
            from: config.sender,
            text: message.text,
            type: 'ATA',
            kakaoOptions: {
              pfId: config.pfId,
              templateId,
              variables: { '#{link}': message.link },
              disableSms: false,
            },
            customFields: { deliveryId: String(message.deliveryId) },
          },
        ],
        showMessageList: true,
      }
      let response: Response
      try {
        response = await fetch(url, {
          method: 'POST',
          headers: { Authorization: authorization(), 'Content-Type': 'application/json' },
          body: JSON.stringify(body),
          signal: AbortSignal.any([signal, AbortSignal.timeout(config.timeoutMs)]),
        })
      } catch (err) {
        if (signal.aborted) throw new ProviderError('stopped before Solapi answered', { aborted: true })
        if ((err as Error).name === 'TimeoutError') {
          throw new ProviderError(`Solapi timed out after ${config.timeoutMs} ms`)
        }
        // The network error's code (ECONNREFUSED, ECONNRESET…) tells an operator where to look.
        const code = (err as { cause?: { code?: unknown } }).cause?.code
        throw new ProviderError(
          `Solapi unreachable${typeof code === 'string' ? ` (${code.slice(0, 40)})` : ''}`,
        )
      }
      const text = await response.text().catch(() => '')
      let json: SendManyDetailResponse | ErrorResponse | null = null
      try {
        json = text ? (JSON.parse(text) as SendManyDetailResponse | ErrorResponse) : null
      } catch {
        json = null
      }
      if (!response.ok) {
        const code =
          json && 'errorCode' in json && typeof json.errorCode === 'string' ? ` ${json.errorCode}` : ''
        throw new ProviderError(`Solapi HTTP ${response.status}${code.slice(0, 80)}`)
      }
      const detail = json as SendManyDetailResponse | null
      if (!detail?.groupInfo) throw new ProviderError('Solapi answered without groupInfo')
      const failed = detail.failedMessageList?.[0]
      if (failed) {
        throw new ProviderError(
          `Solapi refused the message: status ${String(failed.statusCode).slice(0, 20)}`,
        )
      }
      return { providerMessageId: detail.messageList?.[0]?.messageId ?? detail.groupInfo.groupId ?? null }
    },
  }
}

/** The parts of Solapi's answers read here (from the SDK's DetailGroupMessageResponse and ErrorResponse). */
interface SendManyDetailResponse {
  failedMessageList?: Array<{ statusCode?: string; messageId?: string }>
  groupInfo?: { groupId?: string }
  messageList?: Array<{ messageId?: string; statusCode?: string }>
}
interface ErrorResponse {
  errorCode?: string
  errorMessage?: string
}
