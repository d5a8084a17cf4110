import type { NotificationType } from '../../core/db/schema.js'

/**
 * What is sent to a phone, whatever happened: it shows on lock screens, so it never names the other
 * person nor says what kind of service this is.
 */
export const MESSAGE_TEXT = 'SHH Match: 새 소식이 있어요'

export interface OutboundMessage {
  deliveryId: number
  type: NotificationType
  /** The verified phone number, digits only. */
  to: string
  text: string
  link: string
}

/** A failed send. `aborted`: the worker stopped before the provider answered. */
export class ProviderError extends Error {
  override name = 'ProviderError'
  readonly aborted: boolean
  constructor(message: string, options: { aborted?: boolean } = {}) {
    super(message)
    this.aborted = options.aborted ?? false
  }
}

export interface MessageProvider {
  readonly name: 'log' | 'solapi'
  /** Hands one message over; throws a ProviderError when it was not accepted. */
  send(message: OutboundMessage, signal: AbortSignal): Promise<{ providerMessageId: string | null }>
}

interface Logger {
  info(obj: object, msg: string): void
}

/** NOTIFY_PROVIDER=log: a structured log line instead of a message (never the phone number). */
export function createLogProvider(log: Logger): MessageProvider {
  return {
    name: 'log',
    async send(message) {
      log.info(
        { deliveryId: message.deliveryId, type: message.type, channel: 'alimtalk', provider: 'log' },
        'notification delivered (log provider)',
      )
      return { providerMessageId: `log-${message.deliveryId}` }
    },
  }
}
