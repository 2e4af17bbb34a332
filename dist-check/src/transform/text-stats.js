/**
 * Length and reading time of an article, counting Chinese properly: Chinese has no
 * spaces between words, so words are found with Intl.Segmenter (ICU's dictionary
 * segmentation), and reading time is counted by characters for CJK text and by words
 * for spaced scripts.
 */
/** Reading speeds: CJK characters and other words per minute (common figures for adult silent reading). */
const cjkPerMinute = 400;
const wordsPerMinute = 220;
const letters = /[\p{L}\p{N}]/gu;
const cjkLetters = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/gu;
/** A word of a spaced script: letters and digits, with inner apostrophes or hyphens. */
const spacedWords = /[\p{L}\p{N}]+(?:['’-][\p{L}\p{N}]+)*/gu;
/**
 * V8 segments a long string in time that grows faster than its length (a 230 KB article
 * took 14 s), so text goes to the segmenter in pieces that end at a line end, a full
 * stop or a space, where no word continues. (Each segment still costs about a
 * microsecond: V8 makes an object of it.)
 */
const maxPiece = 1000;
function* pieces(text) {
    let start = 0;
    while (start < text.length) {
        let end = Math.min(start + maxPiece, text.length);
        if (end < text.length) {
            const window = text.slice(start, end);
            const cut = Math.max(window.lastIndexOf('\n'), window.lastIndexOf('。'), window.lastIndexOf(' '));
            if (cut > 0)
                end = start + cut + 1;
        }
        yield text.slice(start, end);
        start = end;
    }
}
/** Creates a counter; make one per build or worker (a segmenter is costly to create). */
export function createTextCounter(lang) {
    const segmenter = new Intl.Segmenter(lang, { granularity: 'word' });
    return (text) => {
        const characters = text.match(letters)?.length ?? 0;
        const cjkCharacters = text.match(cjkLetters)?.length ?? 0;
        let words = 0;
        for (const piece of pieces(text)) {
            for (const s of segmenter.segment(piece))
                if (s.isWordLike)
                    words++;
        }
        // Words of spaced scripts, for reading time: matched directly, not per segment.
        const otherWords = cjkCharacters === 0 ? words : (text.replace(cjkLetters, ' ').match(spacedWords)?.length ?? 0);
        const minutes = cjkCharacters / cjkPerMinute + otherWords / wordsPerMinute;
        return { characters, words, readingMinutes: characters === 0 ? 0 : Math.max(1, Math.round(minutes)) };
    };
}
//# sourceMappingURL=text-stats.js.map