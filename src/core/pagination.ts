/** Admin lists: `?page=&pageSize=` in, `{ items, page, pageSize, total }` out. */
export interface PageInput {
  page: number
  pageSize: number
}

export const pageWindow = (input: PageInput) => ({
  limit: input.pageSize,
  offset: (input.page - 1) * input.pageSize,
})

export const pageOf = <T>(input: PageInput, items: T[], total: number) => ({
  items,
  page: input.page,
  pageSize: input.pageSize,
  total,
})
