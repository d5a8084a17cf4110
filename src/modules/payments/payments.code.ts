import { randomInt } from 'node:crypto'

/** Letters and digits that cannot be misread on a bank statement: no 0/O, 1/I/L. */
export const CODE_ALPHABET = '23456789ABCDEFGHJKMNPQRSTUVWXYZ'
const PREFIX = 'KM'
const RANDOM_LENGTH = 6

/**
 * A depositor-name code: `KM` and six unambiguous characters, 8 in all (banks cut depositor
 * names short). 31⁶ ≈ 887 million codes; uniqueness among live payments is the database's job.
 */
export function generatePaymentCode(random: (max: number) => number = randomInt): string {
  let code = PREFIX
  for (let i = 0; i < RANDOM_LENGTH; i++) code += CODE_ALPHABET[random(CODE_ALPHABET.length)]
  return code
}

/** How a depositor name is compared: upper case, without spaces or hyphens. */
export function normaliseForMatching(text: string): string {
  return text
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-_.]/g, '')
}
