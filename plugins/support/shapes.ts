/** Shapes of lines that several plugins recognise. */

/** A date written out (`14 Agustus 2024`, `Rabu, 14 Agustus 2024`, `March 11, 2025`, `Mar 4th, 2025`). */
export const writtenDate = /(?:^|\s)\d{1,2}\.?\s+\p{L}{3,}\.?,?\s+\d{4}(?:\s|$)|\p{L}{3,}\.?\s+\d{1,2}(?:st|nd|rd|th)?,\s+\d{4}(?:\s|$)/u

/** The start of a byline: a label, then a capitalized name (`By Ann Lee`, `Posted by A`, `Von A`, `Editorial by A`), or `Posted by:` and any user name (`Posted by: harbourwatcher`). */
export const bylineStart = /^(?:(?:[Bb]y|[Pp]osted by|[Ww]ritten by|[Ee]ditorial by|[Cc]olumn by|[Vv]on|[Dd]oor|[Aa]v|[Aa]f|[Tt]ekst af|Por|Par|Oleh)\s+\p{Lu}|(?:[Pp]osted|[Ww]ritten) by:?\s+\S)/u
