import { notFound } from 'next/navigation'
import { auth } from '@/auth'
import { api } from '@/lib/api'

export default async function Admin() {
  // The role in the session decides what the UI shows; the API checks it again on every request.
  const session = await auth()
  if (session?.user.role !== 'admin') notFound()
  const { data } = await (await api()).GET('/admin/users')
  return (
    <p>
      {data?.total ?? 0} users (page {data?.page}, {data?.pageSize} a page)
    </p>
  )
}
