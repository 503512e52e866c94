/**
 * Written dates in languages chrono-node has no locale for (Turkish, Polish,
 * Czech, Slovak, Croatian/Serbian/Bosnian, Slovenian, Bulgarian, Greek,
 * Hungarian, Estonian, Latvian, Lithuanian, Danish, Norwegian, Romanian,
 * Catalan, Tagalog, Swahili, Hindi, Bengali, Hebrew, Icelandic, Urdu): `3 Mart 2021 Çarşamba`,
 * `12 marca 2024`, `12. března 2024`, `torsdag 4. mai 2023`,
 * `2019. október 3.`, `2024 m. kovo 12 d.`, `Marso 12, 2024`, `১২ মার্চ ২০২৪`.
 * Each language is a chrono-node `Chrono` with one parser of its month names
 * (nominative and genitive forms) and weekdays, in the order the language
 * writes a date, so the date extractor uses it as it uses chrono's own locales.
 * Digits may be any script's (`\p{Nd}`).
 */
import * as chrono from 'chrono-node'
import {isValidJalaaliDate, toGregorian} from 'jalaali-js'

interface Names {
  /** The month names by month (January first), each with its other forms. */
  months: string[][]
  weekdays: string[]
  /**
   * The calendar the dates are in, when not the Gregorian: Persian pages date by the Solar Hijri calendar, Thai
   * ones mostly by the Buddhist Era (2567 is 2024; a year before 2400 is taken as the Gregorian one, which some Thai
   * sites print).
   */
  calendar?: 'jalali' | 'buddhist'
  /**
   * How the language writes a date, with `{d}`, `{m}`, `{y}` for day, month
   * name and year (default: day first, `{d}\.?\s+{m},?\s+{y}`); a weekday may
   * come before it or after it.
   */
  order?: string
}

const dayFirst = String.raw`{d}\.?\s+{m},?\s+{y}`
const monthFirst = String.raw`{m}\s+{d},?\s+{y}`
/** Croatian, Serbian (Latin and Cyrillic) and Bosnian: one reader, as the three are told apart poorly from text. */
const southSlavic: Names = {
  months: [
    ['siječnja', 'siječanj', 'januar', 'januara', 'јануар', 'јануара'],
    ['veljače', 'veljača', 'februar', 'februara', 'фебруар', 'фебруара'],
    ['ožujka', 'ožujak', 'mart', 'marta', 'март', 'марта'],
    ['travnja', 'travanj', 'april', 'aprila', 'април', 'априла'],
    ['svibnja', 'svibanj', 'maj', 'maja', 'мај', 'маја'],
    ['lipnja', 'lipanj', 'jun', 'juna', 'juni', 'јун', 'јуна'],
    ['srpnja', 'srpanj', 'jul', 'jula', 'juli', 'јул', 'јула'],
    ['kolovoza', 'kolovoz', 'avgust', 'avgusta', 'august', 'augusta', 'август', 'августа'],
    ['rujna', 'rujan', 'septembar', 'septembra', 'септембар', 'септембра'],
    ['listopada', 'listopad', 'oktobar', 'oktobra', 'октобар', 'октобра'],
    ['studenoga', 'studenog', 'studeni', 'novembar', 'novembra', 'новембар', 'новембра'],
    ['prosinca', 'prosinac', 'decembar', 'decembra', 'децембар', 'децембра']
  ],
  weekdays: [
    'ponedjeljak', 'ponedeljak', 'utorak', 'srijeda', 'sreda', 'srida', 'četvrtak', 'petak', 'subota', 'nedjelja', 'nedelja',
    'понедељак', 'уторак', 'среда', 'четвртак', 'петак', 'субота', 'недеља'
  ]
}
/** A language's names with their unaccented forms added (Greek capitals drop the tonos: `ΜΑΡΤΙΟΥ`). */
function withoutAccents(lang: Names): Names {
  const plain = (word: string): string => word.normalize('NFD').replace(/[\u0301\u0308]/gu, '').normalize('NFC')
  const forms = (words: string[]): string[] => [...new Set([...words, ...words.map(plain)])]
  return {...lang, months: lang.months.map(forms), weekdays: forms(lang.weekdays)}
}
/** Persian names with the Arabic letter forms some sites type (`ي` for `ی`, `ك` for `ک`). */
function persianForms(lang: Names): Names {
  const arabic = (word: string): string => word.replace(/ی/gu, 'ي').replace(/ک/gu, 'ك')
  const forms = (words: string[]): string[] => [...new Set([...words, ...words.map(arabic)])]
  return {...lang, months: lang.months.map(forms), weekdays: forms(lang.weekdays)}
}
const norwegian: Names = {
  months: [['januar'], ['februar'], ['mars'], ['april'], ['mai'], ['juni'], ['juli'], ['august'], ['september'], ['oktober'], ['november'], ['desember']],
  weekdays: ['mandag', 'måndag', 'tirsdag', 'tysdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'laurdag', 'søndag', 'sundag']
}

const names: Record<string, Names> = {
  tr: {
    months: [['ocak'], ['şubat'], ['mart'], ['nisan'], ['mayıs'], ['haziran'], ['temmuz'], ['ağustos'], ['eylül'], ['ekim'], ['kasım'], ['aralık']],
    weekdays: ['pazartesi', 'salı', 'çarşamba', 'perşembe', 'cuma', 'cumartesi', 'pazar']
  },
  pl: {
    months: [
      ['stycznia', 'styczeń'],
      ['lutego', 'luty'],
      ['marca', 'marzec'],
      ['kwietnia', 'kwiecień'],
      ['maja', 'maj'],
      ['czerwca', 'czerwiec'],
      ['lipca', 'lipiec'],
      ['sierpnia', 'sierpień'],
      ['września', 'wrzesień'],
      ['października', 'październik'],
      ['listopada', 'listopad'],
      ['grudnia', 'grudzień']
    ],
    weekdays: ['poniedziałek', 'wtorek', 'środa', 'czwartek', 'piątek', 'sobota', 'niedziela']
  },
  cs: {
    months: [
      ['ledna', 'leden'],
      ['února', 'únor'],
      ['března', 'březen'],
      ['dubna', 'duben'],
      ['května', 'květen'],
      ['června', 'červen'],
      ['července', 'červenec'],
      ['srpna', 'srpen'],
      ['září'],
      ['října', 'říjen'],
      ['listopadu', 'listopad'],
      ['prosince', 'prosinec']
    ],
    weekdays: ['pondělí', 'úterý', 'středa', 'čtvrtek', 'pátek', 'sobota', 'neděle']
  },
  da: {
    months: [['januar'], ['februar'], ['marts'], ['april'], ['maj'], ['juni'], ['juli'], ['august'], ['september'], ['oktober'], ['november'], ['december']],
    weekdays: ['mandag', 'tirsdag', 'onsdag', 'torsdag', 'fredag', 'lørdag', 'søndag']
  },
  nb: norwegian,
  nn: norwegian,
  no: norwegian,
  ro: {
    months: [['ianuarie'], ['februarie'], ['martie'], ['aprilie'], ['mai'], ['iunie'], ['iulie'], ['august'], ['septembrie'], ['octombrie'], ['noiembrie'], ['decembrie']],
    weekdays: ['luni', 'marți', 'marţi', 'miercuri', 'joi', 'vineri', 'sâmbătă', 'duminică']
  },
  sk: {
    months: [
      ['januára', 'január'],
      ['februára', 'február'],
      ['marca', 'marec'],
      ['apríla', 'apríl'],
      ['mája', 'máj'],
      ['júna', 'jún'],
      ['júla', 'júl'],
      ['augusta', 'august'],
      ['septembra', 'september'],
      ['októbra', 'október'],
      ['novembra', 'november'],
      ['decembra', 'december']
    ],
    weekdays: ['pondelok', 'utorok', 'streda', 'štvrtok', 'piatok', 'sobota', 'nedeľa']
  },
  hr: southSlavic,
  sr: southSlavic,
  bs: southSlavic,
  sl: {
    months: [
      ['januarja', 'januar'],
      ['februarja', 'februar'],
      ['marca', 'marec'],
      ['aprila', 'april'],
      ['maja', 'maj'],
      ['junija', 'junij'],
      ['julija', 'julij'],
      ['avgusta', 'avgust'],
      ['septembra', 'september'],
      ['oktobra', 'oktober'],
      ['novembra', 'november'],
      ['decembra', 'december']
    ],
    weekdays: ['ponedeljek', 'torek', 'sreda', 'četrtek', 'petek', 'sobota', 'nedelja']
  },
  bg: {
    months: [['януари'], ['февруари'], ['март'], ['април'], ['май'], ['юни'], ['юли'], ['август'], ['септември'], ['октомври'], ['ноември'], ['декември']],
    weekdays: ['понеделник', 'вторник', 'сряда', 'четвъртък', 'петък', 'събота', 'неделя']
  },
  // (and as written in capitals, without accents: `12 ΜΑΡΤΙΟΥ 2024`)
  el: withoutAccents({
    months: [
      ['ιανουαρίου', 'ιανουάριος'],
      ['φεβρουαρίου', 'φεβρουάριος'],
      ['μαρτίου', 'μάρτιος'],
      ['απριλίου', 'απρίλιος'],
      ['μαΐου', 'μάιος'],
      ['ιουνίου', 'ιούνιος'],
      ['ιουλίου', 'ιούλιος'],
      ['αυγούστου', 'αύγουστος'],
      ['σεπτεμβρίου', 'σεπτέμβριος'],
      ['οκτωβρίου', 'οκτώβριος'],
      ['νοεμβρίου', 'νοέμβριος'],
      ['δεκεμβρίου', 'δεκέμβριος']
    ],
    weekdays: ['δευτέρα', 'τρίτη', 'τετάρτη', 'πέμπτη', 'παρασκευή', 'σάββατο', 'κυριακή']
  }),
  hu: {
    months: [['január'], ['február'], ['március'], ['április'], ['május'], ['június'], ['július'], ['augusztus'], ['szeptember'], ['október'], ['november'], ['december']],
    weekdays: ['hétfő', 'kedd', 'szerda', 'csütörtök', 'péntek', 'szombat', 'vasárnap'],
    order: String.raw`{y}\.\s*{m}\s+{d}\.?`
  },
  et: {
    months: [
      ['jaanuar', 'jaanuaril'],
      ['veebruar', 'veebruaril'],
      ['märts', 'märtsil'],
      ['aprill', 'aprillil'],
      ['mai', 'mail'],
      ['juuni', 'juunil'],
      ['juuli', 'juulil'],
      ['august', 'augustil'],
      ['september', 'septembril'],
      ['oktoober', 'oktoobril'],
      ['november', 'novembril'],
      ['detsember', 'detsembril']
    ],
    weekdays: ['esmaspäev', 'teisipäev', 'kolmapäev', 'neljapäev', 'reede', 'laupäev', 'pühapäev']
  },
  lv: {
    months: [
      ['janvāris', 'janvārī'],
      ['februāris', 'februārī'],
      ['marts', 'martā'],
      ['aprīlis', 'aprīlī'],
      ['maijs', 'maijā'],
      ['jūnijs', 'jūnijā'],
      ['jūlijs', 'jūlijā'],
      ['augusts', 'augustā'],
      ['septembris', 'septembrī'],
      ['oktobris', 'oktobrī'],
      ['novembris', 'novembrī'],
      ['decembris', 'decembrī']
    ],
    weekdays: ['pirmdiena', 'otrdiena', 'trešdiena', 'ceturtdiena', 'piektdiena', 'sestdiena', 'svētdiena'],
    // `2024. gada 12. marts` and `12. marts, 2024`
    order: String.raw`(?:{y}\.\s*gada\s+{d}\.\s*{m}|{d}\.\s*{m},?\s+{y})`
  },
  lt: {
    months: [
      ['sausio', 'sausis'],
      ['vasario', 'vasaris'],
      ['kovo', 'kovas'],
      ['balandžio', 'balandis'],
      ['gegužės', 'gegužė'],
      ['birželio', 'birželis'],
      ['liepos', 'liepa'],
      ['rugpjūčio', 'rugpjūtis'],
      ['rugsėjo', 'rugsėjis'],
      ['spalio', 'spalis'],
      ['lapkričio', 'lapkritis'],
      ['gruodžio', 'gruodis']
    ],
    weekdays: ['pirmadienis', 'antradienis', 'trečiadienis', 'ketvirtadienis', 'penktadienis', 'šeštadienis', 'sekmadienis'],
    // `2024 m. kovo 12 d.`, `8 kovo, 2023`
    order: String.raw`(?:{y}\s*m\.\s*{m}\s+{d}\s*d\.?|${dayFirst})`
  },
  ca: {
    months: [
      ['de gener', 'gener'],
      ['de febrer', 'febrer'],
      ['de març', 'març'],
      ["d'abril", 'd’abril', 'abril'],
      ['de maig', 'maig'],
      ['de juny', 'juny'],
      ['de juliol', 'juliol'],
      ["d'agost", 'd’agost', 'agost'],
      ['de setembre', 'setembre'],
      ["d'octubre", 'd’octubre', 'octubre'],
      ['de novembre', 'novembre'],
      ['de desembre', 'desembre']
    ],
    weekdays: ['dilluns', 'dimarts', 'dimecres', 'dijous', 'divendres', 'dissabte', 'diumenge'],
    // `12 de març de 2024`, `12 d’abril 2024`, `9 de maig del 2023`
    order: String.raw`{d}\s+{m}(?:,?\s+del?|,)?\s+{y}`
  },
  // Swahili: `Machi 8, 2022`, `8 Machi 2022`.
  sw: {
    months: [['januari'], ['februari'], ['machi'], ['aprili'], ['mei'], ['juni'], ['julai'], ['agosti'], ['septemba'], ['oktoba'], ['novemba'], ['desemba']],
    weekdays: ['jumatatu', 'jumanne', 'jumatano', 'alhamisi', 'ijumaa', 'jumamosi', 'jumapili'],
    order: String.raw`(?:${monthFirst}|${dayFirst})`
  },
  tl: {
    months: [['enero'], ['pebrero'], ['marso'], ['abril'], ['mayo'], ['hunyo'], ['hulyo'], ['agosto'], ['setyembre'], ['oktubre'], ['nobyembre'], ['disyembre']],
    weekdays: ['lunes', 'martes', 'miyerkules', 'huwebes', 'biyernes', 'sabado', 'linggo'],
    order: String.raw`(?:${monthFirst}|${dayFirst})`
  },
  // Vietnamese months are numbered: `14 tháng 9, 2015`, `ngày 14 tháng 9 năm 2015`.
  // Persian, in the Solar Hijri calendar: `۱۲ آبان ۱۴۰۲`, `شنبه ۱۲ آبان ۱۴۰۲` (with Arabic letter forms too: `ي`, `ك`).
  fa: persianForms({
    months: [['فروردین'], ['اردیبهشت'], ['خرداد'], ['تیر'], ['مرداد', 'امرداد'], ['شهریور'], ['مهر'], ['آبان'], ['آذر'], ['دی'], ['بهمن'], ['اسفند']],
    weekdays: ['شنبه', 'یکشنبه', 'یک‌شنبه', 'دوشنبه', 'سه‌شنبه', 'سه شنبه', 'چهارشنبه', 'پنجشنبه', 'پنج‌شنبه', 'جمعه'],
    calendar: 'jalali'
  }),
  // Thai, in the Buddhist Era: `21 พฤศจิกายน 2567`, `21 พ.ย. 2567`, `วันพฤหัสบดีที่ 21 พฤศจิกายน 2567` (`วันที่` is `date:`).
  th: {
    months: [
      ['มกราคม', 'ม.ค.'],
      ['กุมภาพันธ์', 'ก.พ.'],
      ['มีนาคม', 'มี.ค.'],
      ['เมษายน', 'เม.ย.'],
      ['พฤษภาคม', 'พ.ค.'],
      ['มิถุนายน', 'มิ.ย.'],
      ['กรกฎาคม', 'ก.ค.'],
      ['สิงหาคม', 'ส.ค.'],
      ['กันยายน', 'ก.ย.'],
      ['ตุลาคม', 'ต.ค.'],
      ['พฤศจิกายน', 'พ.ย.'],
      ['ธันวาคม', 'ธ.ค.']
    ],
    weekdays: [
      'วันที่',
      ...['จันทร์', 'อังคาร', 'พุธ', 'พฤหัสบดี', 'พฤหัสฯ', 'พฤหัส', 'ศุกร์', 'เสาร์', 'อาทิตย์'].flatMap((day) => [`วัน${day}ที่`, `วัน${day}`, day])
    ],
    calendar: 'buddhist',
    order: String.raw`{d}\s*{m}\s*(?:พ\.ศ\.|ค\.ศ\.)?\s*{y}`
  },
  // Malay: `12 Mac 2024`, `Mac 12, 2024, Selasa` (month first too)
  ms: {
    months: [['januari'], ['februari'], ['mac'], ['april'], ['mei'], ['jun'], ['julai'], ['ogos'], ['september'], ['oktober'], ['november'], ['disember']],
    weekdays: ['isnin', 'selasa', 'rabu', 'khamis', 'jumaat', 'sabtu', 'ahad'],
    order: String.raw`(?:${dayFirst}|${monthFirst})`
  },
  vi: {
    months: Array.from({length: 12}, (_, index) => [String(index + 1), String(index + 1).padStart(2, '0')]),
    weekdays: ['thứ hai', 'thứ ba', 'thứ tư', 'thứ năm', 'thứ sáu', 'thứ bảy', 'chủ nhật'],
    order: String.raw`(?:ngày\s+)?{d}\s+tháng\s+{m},?\s+(?:năm\s+)?{y}`
  },
  hi: {
    months: [['जनवरी'], ['फ़रवरी', 'फरवरी'], ['मार्च'], ['अप्रैल'], ['मई'], ['जून'], ['जुलाई'], ['अगस्त'], ['सितंबर', 'सितम्बर'], ['अक्टूबर', 'अक्तूबर'], ['नवंबर', 'नवम्बर'], ['दिसंबर', 'दिसम्बर']],
    weekdays: ['सोमवार', 'मंगलवार', 'बुधवार', 'गुरुवार', 'शुक्रवार', 'शनिवार', 'रविवार']
  },
  bn: {
    months: [['জানুয়ারি', 'জানুয়ারী'], ['ফেব্রুয়ারি', 'ফেব্রুয়ারী'], ['মার্চ'], ['এপ্রিল'], ['মে'], ['জুন'], ['জুলাই'], ['আগস্ট', 'আগষ্ট'], ['সেপ্টেম্বর'], ['অক্টোবর'], ['নভেম্বর'], ['ডিসেম্বর']],
    weekdays: ['সোমবার', 'মঙ্গলবার', 'বুধবার', 'বৃহস্পতিবার', 'শুক্রবার', 'শনিবার', 'রবিবার']
  },
  // Icelandic: `3. ágúst 2021`, `þriðjudagur 3. ágúst 2021`.
  is: {
    months: [['janúar'], ['febrúar'], ['mars'], ['apríl'], ['maí'], ['júní'], ['júlí'], ['ágúst'], ['september'], ['október'], ['nóvember'], ['desember']],
    weekdays: ['mánudagur', 'þriðjudagur', 'miðvikudagur', 'fimmtudagur', 'föstudagur', 'laugardagur', 'sunnudagur']
  },
  // Urdu: `18 جولائی 2020`.
  ur: {
    months: [['جنوری'], ['فروری'], ['مارچ'], ['اپریل'], ['مئی'], ['جون'], ['جولائی'], ['اگست'], ['ستمبر'], ['اکتوبر'], ['نومبر'], ['دسمبر']],
    weekdays: ['پیر', 'منگل', 'بدھ', 'جمعرات', 'جمعہ', 'ہفتہ', 'اتوار']
  },
  he: {
    months: [
      ['בינואר', 'ינואר'],
      ['בפברואר', 'פברואר'],
      ['במרץ', 'במרס', 'מרץ', 'מרס'],
      ['באפריל', 'אפריל'],
      ['במאי', 'מאי'],
      ['ביוני', 'יוני'],
      ['ביולי', 'יולי'],
      ['באוגוסט', 'אוגוסט'],
      ['בספטמבר', 'ספטמבר'],
      ['באוקטובר', 'אוקטובר'],
      ['בנובמבר', 'נובמבר'],
      ['בדצמבר', 'דצמבר']
    ],
    weekdays: ['יום ראשון', 'יום שני', 'יום שלישי', 'יום רביעי', 'יום חמישי', 'יום שישי', 'שבת']
  }
}

/** A month name as looked up: NFC, lower case, Turkish dotless and dotted i as `i` (`ARALIK`, `aralık`), whatever the machine's locale. */
function folded(word: string): string {
  return word.normalize('NFC').toLowerCase().replace(/ı|i\u0307/gu, 'i')
}

/** Alternatives, longest first (`červenec` before `červen`), each matching any spacing. */
function either(words: string[]): string {
  return [...words]
    .sort((a, b) => b.length - a.length)
    .map((word) => word.replace(/\./gu, String.raw`\.`).replace(/\s+/gu, String.raw`\s+`))
    .join('|')
}

/** The value of a run of decimal digits in any script (`٢٠١٦`, `১২`): each digit counted from the start of its block of ten. */
export function digitsValue(digits: string): number {
  let value = 0
  for (const character of digits) {
    let code = character.codePointAt(0)!
    let zero = code
    while (zero > 0 && /\p{Nd}/u.test(String.fromCodePoint(zero - 1))) zero--
    code = (code - zero) % 10
    value = value * 10 + code
  }
  return value
}

/** A `Chrono` that reads a date written with a month name in language `lang`, with an optional weekday before or after. */
function monthChrono(lang: Names): chrono.Chrono {
  const month = new Map<string, number>()
  lang.months.forEach((forms, index) => {
    for (const form of forms) month.set(folded(form).replace(/\s+/gu, ' '), index + 1)
  })
  const weekday = `(?:${either(lang.weekdays.map(folded))})`
  const date = (lang.order ?? dayFirst)
    .replace(/\{d\}/gu, String.raw`(?<!\p{Nd})(?<day>\p{Nd}{1,2})`)
    .replace(/\{m\}/gu, `(?<!\\p{L})(?<month>${either([...month.keys()])})(?!\\p{L})`)
    .replace(/\{y\}/gu, String.raw`(?<!\p{Nd})(?<year>\p{Nd}{4})(?!\p{Nd})`)
  // (a group name may appear once per alternative only: number the alternatives' groups)
  let seen = 0
  const numbered = date.replace(/\(\?<(day|month|year)>/gu, (_, name: string) => `(?<${name}${Math.floor(seen++ / 3)}>`)
  const pattern = new RegExp(
    String.raw`(?<!\p{L})(?:${weekday},?\s+)?(?:${numbered})(?:,?\s+(?:\p{Nd}{1,2}[:.]\p{Nd}{2},?\s+)?${weekday}(?!\p{L}))?`,
    'iu'
  )
  const parser: chrono.Parser = {
    pattern: () => pattern,
    extract(context, match) {
      // (chrono-node retries a failed match one character on, where a lookbehind no longer sees what came before: `32. ožujka`)
      const at = match.index ?? 0
      if (at > 0 && /[\p{L}\p{Nd}]/u.test(context.text[at - 1])) return null
      const groups = Object.entries(match.groups ?? {}).filter(([, value]) => value !== undefined)
      const part = (name: string): string => groups.find(([key]) => key.startsWith(name))![1]
      const day = digitsValue(part('day'))
      const value = month.get(folded(part('month')).replace(/\s+/gu, ' '))
      if (value === undefined || day < 1 || day > 31) return null
      const year = digitsValue(part('year'))
      if (lang.calendar === 'jalali') {
        // (the Gregorian day, as `jalaali-js` converts it; 31 Esfand and other days that cannot be are none)
        if (!isValidJalaaliDate(year, value, day)) return null
        const {gy, gm, gd} = toGregorian(year, value, day)
        return {day: gd, month: gm, year: gy}
      }
      return {day, month: value, year: lang.calendar === 'buddhist' && year >= 2400 ? year - 543 : year}
    }
  }
  return new chrono.Chrono({parsers: [parser], refiners: []})
}

/**
 * Numeric dates no chrono-node locale reads: day first with spaced dots
 * (`11. 09. 2023`, dotted dates are day first everywhere) and year first with
 * dots (`2019.07.22`, as in Korea, China and Japan).
 */
function numericChrono(): chrono.Chrono {
  const spaced: chrono.Parser = {
    pattern: () => /(?<!\d)(\d{1,2})\.\s(\d{1,2})\.\s?(\d{4})(?!\d)/u,
    extract: (_context, match) => calendar(Number(match[3]), Number(match[2]), Number(match[1]))
  }
  const yearFirst: chrono.Parser = {
    pattern: () => /(?<!\d)(\d{4})\.\s?(\d{1,2})\.\s?(\d{1,2})\.?(?![\d.])/u,
    extract: (_context, match) => calendar(Number(match[1]), Number(match[2]), Number(match[3]))
  }
  return new chrono.Chrono({parsers: [spaced, yearFirst], refiners: []})
}

/** A day's components, or none when the month or day cannot be (the date extractor checks the rest). */
function calendar(year: number, month: number, day: number): {year: number; month: number; day: number} | null {
  return month >= 1 && month <= 12 && day >= 1 && day <= 31 ? {year, month, day} : null
}

/** The reader of numeric dates no locale reads, tried after the others in every document. */
export const numericDates: {strict: chrono.Chrono} = {strict: numericChrono()}

/**
 * The reader of a numeric date whose first number is a day over twelve, which reads one way only whatever the
 * language (`17/01/2024`, `17-01-2024`): tried last, when no language's reader read the line.
 */
export const dayOverTwelve: {strict: chrono.Chrono} = {
  strict: new chrono.Chrono({
    parsers: [
      {
        pattern: () => /(?<![\d/.-])(1[3-9]|2\d|3[01])([/-])(0?[1-9]|1[0-2])\2(\d{4})(?![\d/-])/u,
        extract: (_context, match) => calendar(Number(match[4]), Number(match[3]), Number(match[1]))
      }
    ],
    refiners: []
  })
}

/** The month-name readers by language code, as `{strict}` like chrono's own locales. */
export const monthLocales: Record<string, {strict: chrono.Chrono}> = Object.fromEntries(
  Object.entries(names).map(([code, lang]) => [code, {strict: monthChrono(lang)}])
)

/**
 * German dates with the month first, which chrono-node's German locale does not read (`Okt 08 2020`, `März 3, 2021`):
 * tried on German pages after chrono-node's own reader.
 */
export const germanMonthFirst: {strict: chrono.Chrono} = {
  strict: monthChrono({
    months: [
      ['januar', 'jan', 'jan.'],
      ['februar', 'feb', 'feb.'],
      ['märz', 'mär', 'mär.', 'mrz', 'mrz.'],
      ['april', 'apr', 'apr.'],
      ['mai'],
      ['juni', 'jun', 'jun.'],
      ['juli', 'jul', 'jul.'],
      ['august', 'aug', 'aug.'],
      ['september', 'sep', 'sep.', 'sept', 'sept.'],
      ['oktober', 'okt', 'okt.'],
      ['november', 'nov', 'nov.'],
      ['dezember', 'dez', 'dez.']
    ],
    weekdays: ['montag', 'dienstag', 'mittwoch', 'donnerstag', 'freitag', 'samstag', 'sonntag'],
    order: monthFirst
  })
}

/** Each month name (folded) of a language without a chrono-node locale, and the readers of the languages that write it. */
const readersByMonth = new Map<string, Array<{strict: chrono.Chrono}>>()
for (const [code, lang] of Object.entries(names)) {
  // (not numbered months: `tháng 9`)
  for (const form of lang.months.flat().filter((form) => !/\p{Nd}/u.test(form))) {
    const key = folded(form).replace(/\s+/gu, ' ')
    const readers = readersByMonth.get(key) ?? []
    if (!readers.includes(monthLocales[code])) readers.push(monthLocales[code])
    readersByMonth.set(key, readers)
  }
}
const anyMonth = new RegExp(String.raw`(?<!\p{L})(?:${either([...readersByMonth.keys()])})(?!\p{L})`, 'giu')

/**
 * The month-name readers of the languages whose month names `text` holds (`2024. április 9.`: Hungarian's), for a
 * date on a page whose language was not told right, or that quotes another language's date.
 */
export function readersNaming(text: string): Array<{strict: chrono.Chrono}> {
  const found = new Set<{strict: chrono.Chrono}>()
  for (const match of text.matchAll(anyMonth)) for (const reader of readersByMonth.get(folded(match[0]).replace(/\s+/gu, ' ')) ?? []) found.add(reader)
  return [...found]
}

/** The languages whose month and weekday names `calendarWords` and `weekdayWords` know (from `Intl`). */
const calendarLocales = ['en', 'es', 'fr', 'de', 'it', 'pt', 'nl', 'ca', 'ro', 'pl', 'cs', 'sk', 'hu', 'hr', 'sl', 'sv', 'da', 'nb', 'fi', 'tr', 'id', 'ms']
let calendarNames: Set<string> | undefined
let weekdayNames: Set<string> | undefined

/** The names of the weekdays, in lower case, in the languages docprov reads most (from `Intl`). */
export function weekdayWords(): ReadonlySet<string> {
  if (weekdayNames) return weekdayNames
  weekdayNames = new Set()
  for (const locale of calendarLocales) {
    const weekday = new Intl.DateTimeFormat(locale, {weekday: 'long', timeZone: 'UTC'})
    for (let index = 0; index < 7; index++) weekdayNames.add(weekday.format(Date.UTC(2021, 0, 3 + index)).toLowerCase())
  }
  return weekdayNames
}

/** The names of the months and weekdays, in lower case, in the languages docprov reads most (from `Intl`). */
export function calendarWords(): ReadonlySet<string> {
  if (calendarNames) return calendarNames
  calendarNames = new Set(weekdayWords())
  for (const locale of calendarLocales) {
    const month = new Intl.DateTimeFormat(locale, {month: 'long', timeZone: 'UTC'})
    // (and a month's name as a date writes it, where it differs: Polish `marca`, Czech `března`)
    const dated = new Intl.DateTimeFormat(locale, {day: 'numeric', month: 'long', timeZone: 'UTC'})
    for (let index = 0; index < 12; index++) {
      calendarNames.add(month.format(Date.UTC(2021, index, 1)).toLowerCase())
      for (const part of dated.formatToParts(Date.UTC(2021, index, 1))) if (part.type === 'month') calendarNames.add(part.value.toLowerCase())
    }
  }
  return calendarNames
}
