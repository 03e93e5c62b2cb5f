/**
 * Types for the two Monaco internals azcli-language.test.ts runs in Node: the Monarch compiler
 * and lexer. monaco-editor ships these deep modules without declaration files, so TypeScript
 * (and typescript-eslint) would see them as unresolved. Only what the test uses is declared,
 * following Monaco's sources (editor/standalone/common/monarch/*.ts, editor/common/languages.ts).
 */

declare module "monaco-editor/editor/standalone/common/monarch/monarchCompile.js" {
  import type { languages } from "monaco-editor/editor/editor.api.js";

  /** A compiled Monarch language (monarchCommon.ts ILexer); the test only hands it on. */
  export interface ILexer {
    readonly languageId: string;
    readonly includeLF: boolean;
    readonly ignoreCase: boolean;
    readonly tokenPostfix: string;
    readonly defaultToken: string;
    readonly start: string | null;
  }

  export function compile(languageId: string, json: languages.IMonarchLanguage): ILexer;
}

declare module "monaco-editor/editor/standalone/common/monarch/monarchLexer.js" {
  import type { languages } from "monaco-editor/editor/editor.api.js";
  import type { ILexer } from "monaco-editor/editor/standalone/common/monarch/monarchCompile.js";

  /** One token of a line (languages.ts Token): where it starts and its type with the postfix. */
  export interface Token {
    readonly offset: number;
    readonly type: string;
    readonly language: string;
  }

  export interface TokenizationResult {
    readonly tokens: Token[];
    readonly endState: languages.IState;
  }

  /** The slices of Monaco's services the tokenizer reads. */
  export interface LanguageService {
    languageIdCodec: { encodeLanguageId(languageId: string): number };
  }
  export interface ConfigurationService {
    getValue(key: string, overrides?: object): unknown;
    onDidChangeConfiguration(listener: (event: unknown) => void): { dispose(): void };
  }

  export class MonarchTokenizer {
    constructor(
      languageService: LanguageService,
      standaloneThemeService: object,
      languageId: string,
      lexer: ILexer,
      configurationService: ConfigurationService,
    );
    getInitialState(): languages.IState;
    tokenize(line: string, hasEOL: boolean, state: languages.IState): TokenizationResult;
  }
}
