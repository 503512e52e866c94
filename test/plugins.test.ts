/** Unit tests: public exports, plugin options, decoding and normalization with offsets. */
import iconv from 'iconv-lite'
import {toString} from 'mdast-util-to-string'
import {unified} from 'unified'
import {VFile} from 'vfile'
import {describe, expect, it} from 'vitest'
import * as api from '../pipeline/index.js'
import attachFrontmatter from '../plugins/attach-frontmatter.js'
import classifyKind from '../plugins/classify-kind.js'
import decodeText from '../plugins/decode-text.js'
import detectLanguage from '../plugins/detect-language.js'
import extractDate from '../plugins/extract-date.js'
import extractHeadings from '../plugins/extract-headings.js'
import extractTitle from '../plugins/extract-title.js'
import parseText from '../plugins/parse-text.js'
import stripBoilerplate from '../plugins/strip-boilerplate.js'
import {createByteOffset, decodeBytes} from '../plugins/support/decode.js'
import {mojibakePage, normalizeText} from '../plugins/support/normalize.js'
import {sameOutlet} from '../plugins/extract-source.js'
import {dayOverTwelve, digitsValue, monthLocales, readersNaming} from '../plugins/support/months.js'
import {cjkCredit, writtenAsName} from '../plugins/support/shapes.js'
import {assignNames, slugOf} from '../pipeline/names.js'
import {createProcessor} from '../pipeline/processor.js'

describe('public API', () => {
  it('exports exactly these names', () => {
    expect(Object.keys(api).sort()).toEqual([
      'DocprovError',
      'build',
      'buildInto',
      'buildShard',
      'buildTo',
      'createManifest',
      'createProcessor',
      'defaultMaxBytes',
      'defaultMaxLines',
      'discover',
      'evaluate',
      'feed',
      'ingest',
      'jsonFeedSchema',
      'link',
      'loadManifest',
      'loadProfiles',
      'manifestSchema',
      'merge',
      'mergeCluster',
      'mergeTo',
      'parseShard',
      'provDocument',
      'readArchiveManifest',
      'recoverOutput',
      'renderHtml',
      'validateJsonFeed',
      'validateManifest',
      'verifyArchive',
      'verifyOutput',
      'version',
      'writeOutput',
      'writeProv'
    ])
  })
})

describe('plugin options are checked when attached', () => {
  it('throws exact messages', () => {
    expect(() => unified().use(attachFrontmatter, {} as never).freeze()).toThrow(
      'Missing `generator` in `options`, expected a string such as `docprov@1.0.0`'
    )
    expect(() => unified().use(decodeText).freeze()).toThrow(
      'Missing parser: use `decodeText` after a parser plugin such as `parseText` or `remark-parse`'
    )
    expect(() => unified().use(extractDate, {referenceDate: new Date('nope')}).freeze()).toThrow(
      'Invalid `referenceDate` in `options`, expected a valid `Date`'
    )
    expect(() => unified().use(extractTitle, {maxTitleWords: 0}).freeze()).toThrow(
      'Invalid `maxTitleWords` in `options`, expected a positive integer'
    )
    expect(() => unified().use(extractHeadings, {maxWords: 1}).freeze()).toThrow(
      'Invalid `maxWords` in `options`, expected an integer of at least 2'
    )
    expect(() => unified().use(detectLanguage, {minLength: -1}).freeze()).toThrow(
      'Invalid `minLength` in `options`, expected a positive integer'
    )
    expect(() => unified().use(classifyKind, {fallback: 'Not A Kind'}).freeze()).toThrow(
      'Invalid `fallback` in `options`, expected a lowercase word such as `article`'
    )
    expect(() => unified().use(stripBoilerplate, {rules: [{reason: 'x'} as never]}).freeze()).toThrow(
      'Invalid rule in `options.rules`, expected `{reason: string, test: RegExp, maxLength: number}`'
    )
    expect(() => createProcessor({format: 'html' as never})).toThrow('Invalid `format` in `options`, expected `text` or `markdown`')
  })
})

describe('decodeBytes', () => {
  it('reads UTF-8, strips a BOM, and falls back to Windows-1252', () => {
    expect(decodeBytes(new Uint8Array([0xef, 0xbb, 0xbf, 0x68, 0x69]))).toEqual({text: 'hi', encoding: 'utf-8', bomBytes: 3})
    expect(decodeBytes(new TextEncoder().encode('café'))).toEqual({text: 'café', encoding: 'utf-8', bomBytes: 0})
    expect(decodeBytes(new Uint8Array([0x93, 0x63, 0x61, 0x66, 0xe9, 0x94, 0x20, 0x80]))).toEqual({
      text: '“café” €',
      encoding: 'windows-1252',
      bomBytes: 0
    })
    expect(decodeBytes(new Uint8Array([0xff, 0xfe, 0x68, 0x00, 0x69, 0x00]))).toEqual({text: 'hi', encoding: 'utf-16le', bomBytes: 2})
  })

  it('maps text offsets to byte offsets', () => {
    const text = 'a’b😀c'
    const byteOffset = createByteOffset(text, 'utf-8', 3)
    expect([0, 1, 2, 3, 5, 6].map(byteOffset)).toEqual([3, 4, 7, 8, 12, 13])
    expect(createByteOffset('abc', 'windows-1252', 0)(2)).toBe(2)
    expect(createByteOffset('abc', 'utf-16le', 2)(2)).toBe(6)
    expect(createByteOffset('abc', 'windows-1251', 0)(2)).toBe(2)
    // East Asian encodings, from the bytes: `あ` is two bytes in Shift_JIS, `😀` four in GB18030 (both its halves start there).
    const sjis = iconv.encode('aあb', 'shift_jis')
    expect([0, 1, 2, 3].map(createByteOffset('aあb', 'shift_jis', 0, sjis))).toEqual([0, 1, 3, 4])
    const gb = iconv.encode('中😀x', 'gb18030')
    expect([0, 1, 2, 3, 4].map(createByteOffset('中😀x', 'gb18030', 0, gb))).toEqual([0, 2, 2, 6, 7])
    expect(() => createByteOffset('aあb', 'shift_jis', 0)).toThrow('Missing `raw`')
    // UTF-8 with a broken byte: its U+FFFD is the one byte the decoder read.
    const broken = new Uint8Array([0x61, 0xff, 0xc3, 0xa9, 0xe2, 0x82, 0x62])
    const decoded = new TextDecoder().decode(broken)
    expect(decoded).toBe('a\ufffdé\ufffdb')
    expect([0, 1, 2, 3, 4, 5].map(createByteOffset(decoded, 'utf-8', 0, broken))).toEqual([0, 1, 2, 4, 6, 7])
    // Too few bytes past ASCII to tell a code page: Windows-1252.
    expect(decodeBytes(broken).encoding).toBe('windows-1252')
  })

  // Texts written for these tests (a sentence or two, as a short page's first lines).
  const legacy: Array<[string, string]> = [
    ['windows-1251', 'В понедельник в городе открылась новая библиотека. Читатели смогут брать книги бесплатно, а по выходным здесь будут проходить встречи с писателями.'],
    ['koi8-r', 'В понедельник в городе открылась новая библиотека. Читатели смогут брать книги бесплатно, а по выходным здесь будут проходить встречи с писателями.'],
    ['windows-1256', 'افتتحت البلدية يوم الاثنين مكتبة جديدة في وسط المدينة، ويمكن للقراء استعارة الكتب مجانا، وستقام فيها لقاءات مع الكتاب في عطلة نهاية الأسبوع.'],
    ['iso-8859-7', 'Τη Δευτέρα άνοιξε στην πόλη μια νέα βιβλιοθήκη. Οι αναγνώστες θα δανείζονται βιβλία δωρεάν και τα Σαββατοκύριακα θα γίνονται συναντήσεις με συγγραφείς.'],
    // `Άνοιξε` and curly quotes: Windows-1253's own bytes.
    ['windows-1253', 'Άνοιξε τη Δευτέρα στην πόλη μια νέα βιβλιοθήκη. «Οι αναγνώστες θα δανείζονται βιβλία δωρεάν», είπε ο δήμαρχος, και τα Σαββατοκύριακα θα γίνονται συναντήσεις.'],
    ['windows-1255', 'ביום שני נפתחה בעיר ספרייה חדשה. הקוראים יוכלו לשאול ספרים בחינם, ובסופי השבוע יתקיימו בה מפגשים עם סופרים ועם משוררים מהאזור.'],
    ['windows-1250', 'W poniedziałek w mieście otwarto nową bibliotekę. Czytelnicy będą mogli wypożyczać książki za darmo, a w weekendy odbędą się spotkania z pisarzami i świętowanie.'],
    ['windows-1254', 'Pazartesi günü şehirde yeni bir kütüphane açıldı. Okuyucular kitapları ücretsiz ödünç alabilecek, hafta sonları ise yazarlarla buluşmalar düzenlenecek.'],
    ['shift_jis', '月曜日、市内に新しい図書館が開館した。利用者は本を無料で借りることができ、週末には作家との交流会も開かれる予定だ。'],
    ['euc-jp', '月曜日、市内に新しい図書館が開館した。利用者は本を無料で借りることができ、週末には作家との交流会も開かれる予定だ。'],
    ['gb18030', '星期一，市中心的新图书馆正式开放。读者可以免费借阅图书，周末还将举办与作家见面的活动，欢迎市民参加。'],
    ['big5', '星期一，市中心的新圖書館正式開放。讀者可以免費借閱圖書，週末還將舉辦與作家見面的活動，歡迎市民參加。'],
    ['euc-kr', '월요일 시내에 새 도서관이 문을 열었다. 시민들은 책을 무료로 빌릴 수 있고, 주말에는 작가와의 만남 행사도 열린다.'],
    ['windows-874', 'เมื่อวันจันทร์ห้องสมุดแห่งใหม่ได้เปิดให้บริการในตัวเมือง ผู้อ่านสามารถยืมหนังสือได้ฟรี และในวันหยุดสุดสัปดาห์จะมีกิจกรรมพบนักเขียน'],
    // Western texts stay Windows-1252 (Norwegian and Swahili gave other Latin code pages a few points more).
    ['windows-1252', 'Lundi, une nouvelle bibliothèque a ouvert ses portes. « Les lecteurs pourront emprunter des livres gratuitement », a déclaré la maire, ravie de l’accueil.'],
    ['windows-1252', 'Am Montag öffnete in der Stadt eine neue Bücherei. Die Leserinnen und Leser können Bücher kostenlos ausleihen, und am Wochenende gibt es Lesungen für Groß und Klein.'],
    ['windows-1252', 'Måndag opna eit nytt bibliotek i byen. Lesarane kan låne bøker gratis, og i helgane blir det møte med forfattarar frå heile fylket, fortel leiaren.'],
    ['windows-1252', 'Jumatatu maktaba mpya ilifunguliwa mjini. Wasomaji wataweza kuazima vitabu bure, na mwishoni mwa wiki kutakuwa na mikutano na waandishi – alisema meya ‘kwa furaha’.']
  ]
  it.each(legacy)('finds the legacy encoding %s from the bytes', (encoding, text) => {
    expect(decodeBytes(iconv.encode(text, encoding))).toEqual({text, encoding, bomBytes: 0})
  })

  it('reads UTF-8 with a few broken bytes as UTF-8, and a code page with one valid pair as the code page', () => {
    const bytes = Buffer.concat([Buffer.from('Читатели просили об этом '), Buffer.from([0xd1]), Buffer.from(' давно.')])
    expect(decodeBytes(bytes)).toEqual({text: 'Читатели просили об этом \ufffd давно.', encoding: 'utf-8', bomBytes: 0, broken: {broken: 1, first: 25}})
    // `Ã©` in Windows-1252 is valid UTF-8 (`é`), the rest is not.
    const western = iconv.encode('Ã© café naïve résumé', 'windows-1252')
    expect(decodeBytes(western).encoding).toBe('windows-1252')
  })
})

describe('normalizeText', () => {
  it('normalizes whitespace, invisible characters and NFC, and nothing else', () => {
    expect(normalizeText('  a\u00a0\u00a0b\u200bc\u00adde\u0007 \r\n  f\t\tg  ').value).toBe('a bcde\nf g')
    expect(normalizeText('Cafe\u0301 “quoted” — dash').value).toBe('Café “quoted” — dash')
    expect(normalizeText('ZWJ 👩\u200d💻 and ZWNJ می\u200cخواهم stay').value).toBe('ZWJ 👩\u200d💻 and ZWNJ می\u200cخواهم stay')
  })

  it('keeps, for each unit, the span it came from', () => {
    const input = 'x  a\u200bb\r\nCafe\u0301'
    const {value, starts, ends} = normalizeText(input, 100)
    expect(value).toBe('x ab\nCafé')
    const spans = [...value].map((_, index) => input.slice(starts[index] - 100, ends[index] - 100))
    expect(spans).toEqual(['x', '  ', 'a', 'b', '\r\n', 'C', 'a', 'f', 'e\u0301'])
  })
})

describe('written dates in languages chrono-node has no locale for', () => {
  const read = (lang: string, line: string): string | undefined => {
    const [result] = monthLocales[lang].strict.parse(line.normalize('NFC'), new Date(2026, 0, 1))
    if (!result) return undefined
    const pad = (value: number | null): string => String(value).padStart(2, '0')
    return `${result.text} = ${result.start.get('year')}-${pad(result.start.get('month'))}-${pad(result.start.get('day'))}`
  }

  it('reads each language in the order it writes a date, weekdays and any script’s digits included', () => {
    expect(read('hu', '2019. Október 3. 10:12, csütörtök | Belföld')).toBe('2019. Október 3. 10:12, csütörtök = 2019-10-03')
    expect(read('hr', 'utorak, 5. studenoga 2019.')).toBe('utorak, 5. studenoga 2019 = 2019-11-05')
    expect(read('bs', '5. jun 2021')).toBe('5. jun 2021 = 2021-06-05')
    expect(read('sr', '05. мај 2020. године')).toBe('05. мај 2020 = 2020-05-05')
    expect(read('sk', 'štvrtok 12. marca 2024')).toBe('štvrtok 12. marca 2024 = 2024-03-12')
    expect(read('sl', '3. junija 2022')).toBe('3. junija 2022 = 2022-06-03')
    expect(read('bg', '12 март 2024 г.')).toBe('12 март 2024 = 2024-03-12')
    expect(read('el', 'Τρίτη, 12 Μαρτίου 2024')).toBe('Τρίτη, 12 Μαρτίου 2024 = 2024-03-12')
    expect(read('el', '12 ΜΑΡΤΙΟΥ 2024')).toBe('12 ΜΑΡΤΙΟΥ 2024 = 2024-03-12')
    expect(read('et', 'teisipäev, 5. novembril 2019')).toBe('teisipäev, 5. novembril 2019 = 2019-11-05')
    expect(read('lv', '2024. gada 12. marts')).toBe('2024. gada 12. marts = 2024-03-12')
    expect(read('lv', '12. martā, 2024')).toBe('12. martā, 2024 = 2024-03-12')
    expect(read('lt', '2024 m. kovo 12 d.')).toBe('2024 m. kovo 12 d. = 2024-03-12')
    expect(read('lt', '8 kovo, 2023')).toBe('8 kovo, 2023 = 2023-03-08')
    expect(read('vi', '14 tháng 9, 2015')).toBe('14 tháng 9, 2015 = 2015-09-14')
    expect(read('vi', 'Thứ Hai, ngày 14 tháng 09 năm 2015')).toBe('Thứ Hai, ngày 14 tháng 09 năm 2015 = 2015-09-14')
    expect(read('ca', '12 de març de 2024')).toBe('12 de març de 2024 = 2024-03-12')
    expect(read('ca', '3 d’abril 2020')).toBe('3 d’abril 2020 = 2020-04-03')
    expect(read('tl', 'Marso 12, 2024')).toBe('Marso 12, 2024 = 2024-03-12')
    expect(read('hi', 'सोमवार, 5 फ़रवरी 2024')).toBe('सोमवार, 5 फ़रवरी 2024 = 2024-02-05'.normalize('NFC'))
    expect(read('bn', '১২ মার্চ ২০২৪')).toBe('১২ মার্চ ২০২৪ = 2024-03-12'.normalize('NFC'))
    expect(read('he', 'יום שני, 5 בפברואר 2024')).toBe('יום שני, 5 בפברואר 2024 = 2024-02-05')
    expect(read('nn', 'måndag 4. mai 2023')).toBe('måndag 4. mai 2023 = 2023-05-04')
    expect(read('ms', 'Mac 12, 2024, Selasa')).toBe('Mac 12, 2024, Selasa = 2024-03-12')
    expect(read('ms', '3 Ogos 2023')).toBe('3 Ogos 2023 = 2023-08-03')
    // (Persian dates are Solar Hijri: 12 Aban 1402 is 3 November 2023, 1 Farvardin 1403 is 20 March 2024)
    expect(read('fa', '۱۲ آبان ۱۴۰۲')).toBe('۱۲ آبان ۱۴۰۲ = 2023-11-03')
    expect(read('fa', 'شنبه ۱ فروردین ۱۴۰۳')).toBe('شنبه ۱ فروردین ۱۴۰۳ = 2024-03-20')
    expect(read('fa', '۱۲ آبان ۱۴۰۲'.replace('ی', 'ي'))).toBeDefined()
    // (Thai dates are mostly in the Buddhist Era, 543 years ahead; a Gregorian year, which some sites print, stays; Thai digits too)
    expect(read('th', 'วันพฤหัสบดีที่ 21 พฤศจิกายน 2567')).toBe('วันพฤหัสบดีที่ 21 พฤศจิกายน 2567 = 2024-11-21')
    expect(read('th', '21 พ.ย. 2567 10:30 น.')).toBe('21 พ.ย. 2567 = 2024-11-21')
    expect(read('th', '๒๑ พ.ย. ๒๕๖๗')).toBe('๒๑ พ.ย. ๒๕๖๗ = 2024-11-21')
    expect(read('th', '3 มี.ค. 2024')).toBe('3 มี.ค. 2024 = 2024-03-03')
    expect(read('th', '3 มีxคx 2567')).toBeUndefined()
  })

  it('finds the readers of the languages whose month names a line holds, whatever the page’s language', () => {
    const readers = readersNaming('2024. április 9. 14:32')
    expect(readers).toContain(monthLocales.hu)
    expect(readers.map((reader) => reader.strict.parse('2024. április 9. 14:32')[0]?.start.get('day'))).toContain(9)
    expect(readersNaming('12 marca 2024')).toContain(monthLocales.pl)
    // (no month name: no reader; numbered months, `tháng 9`, are no names)
    expect(readersNaming('Linked received workers 31 need 2022 said')).toEqual([])
    expect(readersNaming('9 2015')).toEqual([])
  })

  it('reads no month name of another language, and no day that cannot be', () => {
    expect(read('hu', '12 marca 2024')).toBeUndefined()
    expect(read('sk', '2019. október 3.')).toBeUndefined()
    expect(read('hr', '32. ožujka 2024.')).toBeUndefined()
    expect(read('lt', 'kovo 12 d.')).toBeUndefined()
    expect(read('vi', '14 tháng 13, 2015')).toBeUndefined()
    expect(read('pl', 'marcato 2024')).toBeUndefined()
    // (1402 is no leap year: no 30 Esfand)
    expect(read('fa', '۳۰ اسفند ۱۴۰۲')).toBeUndefined()
  })

  it('reads a numeric date whose first number is a day over twelve, and no other', () => {
    const day = (line: string) => dayOverTwelve.strict.parse(line)[0]?.start.date().toISOString().slice(0, 10)
    expect(day('17/01/2024')).toBe('2024-01-17')
    expect(day('31-12-2023')).toBe('2023-12-31')
    expect(day('11/04/2025')).toBeUndefined()
    expect(day('17/13/2024')).toBeUndefined()
  })

  it('gives the value of digits in any script', () => {
    expect(digitsValue('2024')).toBe(2024)
    expect(digitsValue('٢٠١٦')).toBe(2016)
    expect(digitsValue('২০২৪')).toBe(2024)
    expect(digitsValue('१२')).toBe(12)
    expect(digitsValue('２０２０')).toBe(2020)
  })
})

describe('helpers', () => {
  it('compares outlet names loosely', () => {
    expect(sameOutlet('TRT World', 'trt  world.')).toBe(true)
    expect(sameOutlet('The Guardian', 'Guardian')).toBe(true)
    expect(sameOutlet('Anadolu', 'Al Jazeera')).toBe(false)
  })

  it('makes safe, unique, stable file names', () => {
    expect(slugOf('Pakistan’s insurgency: 1/2', 'x.txt')).toBe('pakistans-insurgency-1-2')
    expect(slugOf(null, 'seeds/000_abc.txt')).toBe('000-abc')
    expect(slugOf('../../etc/passwd', 'x.txt')).toBe('etc-passwd')
    expect(slugOf('CON', 'x.txt')).toBe('con-doc')
    expect(slugOf('!!!', 'x.txt')).toBe('document')
    expect(slugOf('word '.repeat(40), 'x.txt').length).toBeLessThanOrEqual(80)
    expect(
      assignNames([
        {title: 'Same', date: '2021-01-02', sourcePath: 'a.txt'},
        {title: 'Same', date: '2021-01-02T10:00:00Z', sourcePath: 'b.txt'},
        {title: 'Same', date: null, sourcePath: 'c.txt'}
      ])
    ).toEqual(['2021-01-02-same.md', '2021-01-02-same-2.md', 'same.md'])
  })
})

describe('rejections through file.fail', () => {
  it('fails binary and empty files with a ruleId', async () => {
    const processor = createProcessor()
    await expect(processor.process(new VFile({path: 'b.txt', value: new Uint8Array([0x41, 0, 0x42])}))).rejects.toMatchObject({
      ruleId: 'binary',
      fatal: true
    })
    await expect(processor.process(new VFile({path: 'e.txt', value: new Uint8Array()}))).rejects.toMatchObject({ruleId: 'empty'})
  })
})

describe('mojibake repair', () => {
  it('repairs UTF-8 read as Windows-1252 and records where', async () => {
    const raw = new TextEncoder().encode(' date 2020-06-02\nCafÃ© Owner Says â€œWe Are Backâ€\u009d\n\nThe cafÃ© reopened on Monday after nine weeks of repairs to its roof and kitchen.\n')
    const file = new VFile({path: 'm.txt', value: raw})
    await createProcessor({referenceDate: new Date('2026-01-01')}).process(file)
    expect(file.data.meta?.title?.value).toBe('Café Owner Says “We Are Back”')
    expect(file.data.repairs?.map((repair) => [repair.text, repair.value])).toEqual([
      ['Ã©', 'é'],
      ['â€œ', '“'],
      ['â€\u009d', '”'],
      ['Ã©', 'é']
    ])
    const repair = file.data.repairs![0]
    expect(new TextDecoder().decode(raw.subarray(repair.start, repair.end))).toBe('Ã©')
    expect(file.messages.map((message) => message.ruleId)).toContain('mojibake-repaired')
  })

  /** `text` as UTF-8 read in `encoding` by a lenient decoder (an undefined byte as its C1 control). */
  const misread = (text: string, encoding: string) =>
    [...new TextEncoder().encode(text)].map((byte) => {
      const char = iconv.decode(Buffer.from([byte]), encoding)
      return char === '\ufffd' ? String.fromCharCode(byte) : char
    }).join('')
  const samples: Array<[string, string]> = [
    ['ru', 'Жители района Заречье третий день остаются без горячей воды: подрядчик объясняет задержку поставкой труб.'],
    ['uk', 'Січень видався теплим: синоптики кажуть, що сніг випаде лише в лютому, а в’їзд до парку відкрили.'],
    ['el', 'Η δημοτική αρχή ανακοίνωσε ότι η νέα πλατεία θα παραδοθεί στους κατοίκους πριν από το Πάσχα.'],
    ['ar', 'أعلنت البلدية، يوم الأحد، أن أعمال صيانة الطريق الساحلي ستنتهي قبل بداية موسم الصيف؟'],
    ['ur', 'یہ بھی بتایا گیا کہ شہر میں پانی کی فراہمی بحال کر دی گئی ہے، اور وہ بھی جلد۔'],
    ['pl', 'Mieszkańcy Łodzi mogą od środy składać wnioski o dopłatę do wymiany pieców, źródło: urząd.'],
    ['fr', 'L’été dernier, la mairie a présenté un projet très contesté à côté de l’église.']
  ]

  it('finds no mojibake in text of any script that has none', () => {
    for (const [lang, text] of samples) expect(mojibakePage(text).page.name, lang).toBe('Windows-1252')
  })

  it('finds the code page UTF-8 was read in, and repairs each character exactly', () => {
    const pages: Array<[string, string, string]> = [
      ['windows-1251', 'Windows-1251', samples[0][1]],
      ['iso-8859-7', 'ISO-8859-7', samples[0][1]],
      ['windows-1253', 'Windows-1253', samples[1][1]],
      ['windows-1256', 'Windows-1256', samples[3][1]],
      ['windows-1250', 'Windows-1250', samples[5][1]],
      ['latin1', 'Windows-1252', samples[0][1]],
      ['windows-1252', 'Windows-1252', samples[6][1]]
    ]
    for (const [encoding, name, text] of pages) {
      const shown = misread(text, encoding)
      const {page, controls} = mojibakePage(shown)
      expect(page.name, encoding).toBe(name)
      expect(controls, encoding).toBe([...shown].filter((char) => /[\u0080-\u009f]/u.test(char)).length)
      expect(normalizeText(shown, 0, page).value, encoding).toBe(text)
    }
  })

  it('repairs Latin-1 mojibake of a Cyrillic text rather than reject its C1 controls as binary', async () => {
    const text = 'Заголовок новости\n\nЖители района Заречье третий день остаются без горячей воды: подрядчик объясняет задержку поставкой труб.\n'
    const file = new VFile({path: 'l.txt', value: new TextEncoder().encode(misread(text, 'latin1'))})
    await createProcessor({referenceDate: new Date('2026-01-01')}).process(file)
    expect(file.data.meta?.title?.value).toBe('Заголовок новости')
    expect(file.data.meta?.lang?.value).toBe('ru')
  })
})

describe('parseText', () => {
  const paragraphs = (text: string) => unified().use(parseText).parse(new VFile(text)).children.map((node) => toString(node))
  const prose =
    'The ferry between Lowmoor and the island of Skellan will run four crossings a day from Monday, the operator said, down from seven during the summer months, and passengers with cars are asked to book ahead because the smaller winter vessel carries only twelve vehicles.'
  /** `prose` wrapped greedily at `width` characters, as `fmt` does. */
  const wrap = (text: string, width: number) =>
    text.split(' ').reduce<string[]>((lines, word) => {
      const last = lines.at(-1)
      if (last !== undefined && last.length + 1 + word.length <= width) lines[lines.length - 1] = `${last} ${word}`
      else lines.push(word)
      return lines
    }, [])

  it('keeps prose hard-wrapped at widths from 60 to 100 as one paragraph', () => {
    for (const width of [60, 66, 72, 80, 100]) {
      const lines = wrap(prose, width)
      expect(lines.length).toBeGreaterThan(2)
      expect(paragraphs(`${lines.join('\n')}\n\nNext.`)).toEqual([lines.join('\n'), 'Next.'])
      // Two wrapped lines, the second going on in lower case.
      const two = wrap(prose.slice(0, width + 30).trimEnd(), width).slice(0, 2)
      expect(paragraphs(`${two.join('\n')}\n\nNext.`)).toEqual([two.join('\n'), 'Next.'])
    }
  })

  it('splits a header of long lines into one paragraph per line', () => {
    const header = [
      'Los fruticultores se preparan para una helada tardía',
      'Una capa de hielo mantiene los brotes en el punto de congelación toda la noche',
      'Por María López | 3 de marzo de 2022'
    ]
    expect(paragraphs(`${header.join('\n')}\n\n${prose}`)).toEqual([...header, prose])
    expect(paragraphs(`${header[0]}\n${header[2]}\n\n${prose}`)).toEqual([header[0], header[2], prose])
  })
})

describe('writtenAsName', () => {
  it('takes a capital, a caseless script, a digit, a capital inside the first word, or a web address', () => {
    for (const value of ['The River Ledger', 'Élan Hebdo', '南方晨报', '9News', 'iNews', 'derStandard', 'netzpolitik.org', 'kabar-desa.co.id']) {
      expect(writtenAsName(value), value).toBe(true)
    }
  })

  it('takes no words written small, as `iu` patterns let pass', () => {
    for (const value of ['the author', 'our partner site', 'unserer Printausgabe', 'spring issue', 'the regional wire service']) {
      expect(writtenAsName(value), value).toBe(false)
    }
  })
})

describe('cjkCredit', () => {
  const read = (value: string) => {
    const credit = cjkCredit(value)
    return credit && {agency: credit.agency && value.slice(credit.agency.start, credit.agency.end), names: credit.names.map(({start, end}) => value.slice(start, end))}
  }

  it('reads the agency and reporters of news credits in Chinese, Taiwanese, Korean and Japanese', () => {
    expect(read('东方社上海1月1日电(记者王晓梅、李建国)清晨六点。')).toEqual({agency: '东方社', names: ['王晓梅', '李建国']})
    expect(read('〔記者林美玲/台中報導〕台中市昨晚發生火警。')).toEqual({agency: undefined, names: ['林美玲']})
    expect(read('(서울=새벽뉴스) 박서연 기자 = 기상청이 발령했다.')).toEqual({agency: '새벽뉴스', names: ['박서연']})
    expect(read('文・写真　山田花子記者')).toEqual({agency: undefined, names: ['山田花子']})
  })

  it('reads no credit in other text', () => {
    expect(read('记者从市政府获悉,新的公交线路将于下月开通。')).toBeUndefined()
    expect(read('기상청은 대비해 달라고 당부했다.')).toBeUndefined()
    expect(read('市の記者会見で発表された。')).toBeUndefined()
  })
})

/** The source the whole pipeline reads from a raw text. */
async function sourceIn(raw: string) {
  const file = new VFile({path: 's.txt', value: new TextEncoder().encode(raw)})
  await createProcessor({referenceDate: new Date('2026-01-01')}).process(file)
  return file.data.meta?.source?.value
}

describe('press-release wire credits', () => {
  const sourceOf = (opening: string) =>
    sourceIn(`Quarterly results beat the forecasts of most analysts\n${opening} Northshore Partners today announced results for the third quarter, with revenue up twelve per cent on the year before.\nThe company said demand held up in all regions and that it expects a steady fourth quarter.\n`)

  it('takes a wire name or a site address in brackets that opens the text', async () => {
    expect(await sourceOf('(BUSINESS WIRE)--')).toBe('BUSINESS WIRE')
    expect(await sourceOf('(WireBeacon.net)')).toBe('WireBeacon.net')
  })

  it('takes no bracket that is neither', async () => {
    expect(await sourceOf('(Updated)')).toBeNull()
    expect(await sourceOf('(business wire) –')).toBeNull()
  })
})

describe('copyright lines', () => {
  const sourceOf = (line: string) =>
    sourceIn(`Road to close for water main work\nA section of the road will be closed to through traffic during daytime working hours next week while contractors lay a new main.\nResidents will be allowed in and out from the north end, and buses have been rerouted for the week.\n${line}\n`)

  it('takes the holder after the year, with or without a comma after it', async () => {
    expect(await sourceOf('Copyright © 2022, Ridgeline Weekly Vista. All rights reserved.')).toBe('Ridgeline Weekly Vista')
    expect(await sourceOf('Copyright © 2022 Ridgeline Weekly Vista. All rights reserved.')).toBe('Ridgeline Weekly Vista')
    expect(await sourceOf('(c) 2019-2022, Harbour Gazette. All rights reserved.')).toBe('Harbour Gazette')
  })

  it('takes no holder from the rights alone', async () => {
    expect(await sourceOf('Copyright © 2022, All rights reserved.')).toBeNull()
  })

  it('takes the holder after a short sentence, without its legal form', async () => {
    expect(await sourceOf('Lakeline is a registered trademark. © 2021 Lakeline Audio Group, LLC')).toBe('Lakeline Audio Group')
    expect(await sourceOf('© 2020 Harbour Media, Inc.')).toBe('Harbour Media')
  })

  it('takes the holder named before the sign and its year', async () => {
    expect(await sourceOf('Ridgeline Weekly © 2024 - All rights reserved.')).toBe('Ridgeline Weekly')
    expect(await sourceOf('Ridgeline Weekly © 2019')).toBe('Ridgeline Weekly')
    expect(await sourceOf('Photo by Ann Lee © 2024')).toBeNull()
    expect(await sourceOf('Ridgeline Weekly is part of Lakeline Media. © 2024')).toBeNull()
  })
})
