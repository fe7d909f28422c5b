/*
 * A deliberately small highlighter: keywords, strings, comments and numbers for the languages agents
 * write most. It never parses; a wrong colour is harmless, and it costs one regex pass per block.
 */

export type TokenKind = 'keyword' | 'string' | 'comment' | 'number' | 'plain';
export interface Token {
  kind: TokenKind;
  text: string;
}

/** Longer blocks are shown plain: colouring them is not worth the time on a phone. */
export const MAX_HIGHLIGHT_CHARS = 20_000;

const KEYWORDS = new Set(
  (
    'abstract as async await break case catch class const continue def default del do elif else enum ' +
    'export extends false finally fn for from func function go if impl import in interface is lambda let ' +
    'match mod mut new nil None not null or package pass pub raise return self static struct super ' +
    'switch this throw True true try type typeof undefined use var void while with yield ' +
    'then fi esac done echo local readonly'
  ).split(' '),
);

const SQL_KEYWORDS = new Set(
  (
    'add alter and as asc by case create default delete desc distinct drop else end exists from group having if in ' +
    'index inner insert into is join key left like limit not null on or order outer primary references returning ' +
    'right select set table then union unique update values when where with'
  ).split(' '),
);

const HASH_COMMENT_LANGUAGES = new Set(['py', 'python', 'sh', 'bash', 'shell', 'zsh', 'yaml', 'yml', 'toml', 'rb', 'ruby', 'dockerfile']);

const SLASH_RULES = String.raw`(\/\/[^\n]*|\/\*[\s\S]*?(?:\*\/|$))`;
const HASH_RULES = String.raw`(#[^\n]*)`;
const STRING = String.raw`("(?:[^"\\\n]|\\.)*"?|'(?:[^'\\\n]|\\.)*'?|` + '`(?:[^`\\\\]|\\\\[\\s\\S])*`?)';
const NUMBER = String.raw`(\b\d[\d_]*(?:\.\d+)?(?:e[+-]?\d+)?\b|\b0x[\da-f]+\b)`;
const WORD = String.raw`([A-Za-z_$][\w$]*)`;

/** SQL comments start with `--`. */
const DASH_RULES = String.raw`(--[^\n]*)`;

function patternFor(language: string): RegExp {
  if (language === 'sql') return new RegExp(`${DASH_RULES}|${STRING}|${NUMBER}|${WORD}`, 'gi');
  const comment = HASH_COMMENT_LANGUAGES.has(language) ? HASH_RULES : SLASH_RULES;
  return new RegExp(`${comment}|${STRING}|${NUMBER}|${WORD}`, 'gi');
}

export function tokenize(code: string, language: string): Token[] {
  if (code.length > MAX_HIGHLIGHT_CHARS || language === 'text' || language === 'plaintext') {
    return [{ kind: 'plain', text: code }];
  }
  const tokens: Token[] = [];
  const lang = language.toLowerCase();
  const pattern = patternFor(lang);
  // SQL is case-insensitive and mostly written in capitals.
  const isKeyword = lang === 'sql' ? (word: string) => SQL_KEYWORDS.has(word.toLowerCase()) : (word: string) => KEYWORDS.has(word);
  let last = 0;
  const push = (kind: TokenKind, text: string) => {
    const previous = tokens.at(-1);
    if (kind === 'plain' && previous?.kind === 'plain') previous.text += text;
    else tokens.push({ kind, text });
  };
  for (const match of code.matchAll(pattern)) {
    const [text, comment, string, number, word] = match;
    if (match.index > last) push('plain', code.slice(last, match.index));
    if (comment !== undefined) push('comment', text);
    else if (string !== undefined) push('string', text);
    else if (number !== undefined) push('number', text);
    else push(word !== undefined && isKeyword(word) ? 'keyword' : 'plain', text);
    last = match.index + text.length;
  }
  if (last < code.length) push('plain', code.slice(last));
  return tokens;
}
