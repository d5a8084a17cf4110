import { api } from '@/lib/api'

/** Lists what the API asks to be accepted (a new version of the terms asks everyone again). */
export default async function Consents() {
  const { data } = await (await api()).GET('/me')
  const missing = data?.consentsMissing ?? []
  return (
    <ul>
      {missing.map((m) => (
        <li key={m.type}>
          {m.type} ({m.version})
        </li>
      ))}
    </ul>
  )
}
