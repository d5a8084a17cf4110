'use client'

import * as PortOne from '@portone/browser-sdk/v2'
import { useState } from 'react'
import { completeIdentityVerification, startIdentityVerification } from '@/app/actions'

/** Runs PortOne's carrier/PASS check in the browser with the three values the API hands out. */
export function VerifyButton() {
  const [message, setMessage] = useState<string | null>(null)

  async function verify() {
    const started = await startIdentityVerification()
    if ('error' in started) return setMessage(`본인인증을 시작하지 못했어요 (${started.error}).`)
    const { identityVerificationId, storeId, channelKey } = started
    const response = await PortOne.requestIdentityVerification({
      storeId,
      identityVerificationId,
      channelKey,
      // Mobile browsers leave this page and come back to /verify?identity_verification_id=…
      // (with code and message when it failed), which completes it the same way.
      redirectUrl: `${window.location.origin}/verify`,
    })
    if (response === undefined) return // redirected
    if (response.code !== undefined) return setMessage(response.message ?? '본인인증이 취소되었어요.')
    const failed = await completeIdentityVerification(identityVerificationId) // redirects on success
    setMessage(failed.error)
  }

  return (
    <>
      <button type="button" onClick={verify}>
        휴대폰 본인인증
      </button>
      {message && <p>{message}</p>}
    </>
  )
}
