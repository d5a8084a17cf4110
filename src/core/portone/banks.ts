/**
 * The banks PortOne names in its `Bank` codes (the SDK's `common/Bank` type) that take deposits and
 * refunds, with the names people know them by. Securities firms are left out: neither our virtual
 * accounts nor refunds go there.
 */
export const BANK_NAMES = {
  KDB: 'KDB산업은행',
  IBK: 'IBK기업은행',
  KOOKMIN: 'KB국민은행',
  SUHYUP: '수협은행',
  NONGHYUP: 'NH농협은행',
  LOCAL_NONGHYUP: '지역농축협',
  WOORI: '우리은행',
  STANDARD_CHARTERED: 'SC제일은행',
  CITI: '한국씨티은행',
  DAEGU: 'iM뱅크(대구)',
  BUSAN: '부산은행',
  KWANGJU: '광주은행',
  JEJU: '제주은행',
  JEONBUK: '전북은행',
  KYONGNAM: '경남은행',
  KFCC: '새마을금고',
  SHINHYUP: '신협',
  SAVINGS_BANK: '저축은행',
  POST: '우체국',
  HANA: '하나은행',
  SHINHAN: '신한은행',
  K_BANK: '케이뱅크',
  KAKAO: '카카오뱅크',
  TOSS: '토스뱅크',
} as const satisfies Record<string, string>

export type BankCode = keyof typeof BANK_NAMES
export const BANK_CODES = Object.keys(BANK_NAMES) as BankCode[]

/** The name of a bank PortOne reports; its code when it is not one of ours. */
export const bankName = (code: string): string => (BANK_NAMES as Record<string, string>)[code] ?? code
