/** Output file names: `<date>-<slug>.md`, unique and safe. */
import path from 'node:path'
import slugify from '@sindresorhus/slugify'

/** Longest slug, in bytes (file systems count bytes; slugs are ASCII). */
const maxSlug = 80
const reserved = /^(?:con|prn|aux|nul|com\d|lpt\d|manifest)$/i

/** The slug of a title, or of the source file's name when there is no title. */
export function slugOf(title: string | null, sourcePath: string): string {
  const base = title ?? path.basename(sourcePath, path.extname(sourcePath))
  let slug = slugify(base, {decamelize: false})
  // Cut a long slug at the last whole word that fits.
  if (slug.length > maxSlug) slug = slug.slice(0, maxSlug + 1).replace(/-[^-]*$/, '').slice(0, maxSlug)
  slug = slug.replace(/^-+|-+$/g, '')
  if (!slug) slug = 'document'
  if (reserved.test(slug)) slug += '-doc'
  return slug
}

/**
 * Give each document a unique output name: `<date>-<slug>.md` when dated, else
 * `<slug>.md`; a repeat (of another item or of a `taken` name) gets `-2`, `-3`… in
 * the order given (sorted by source path).
 */
export function assignNames(
  items: ReadonlyArray<{title: string | null; date: string | null; sourcePath: string}>,
  taken: Iterable<string> = []
): string[] {
  const used = new Set<string>([...taken].map((name) => name.toLowerCase()))
  return items.map((item) => {
    const slug = slugOf(item.title, item.sourcePath)
    const stem = item.date ? `${item.date.slice(0, 10)}-${slug}` : slug
    let name = `${stem}.md`
    for (let count = 2; used.has(name.toLowerCase()); count++) name = `${stem}-${count}.md`
    used.add(name.toLowerCase())
    return name
  })
}
