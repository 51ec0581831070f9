/** `x-studio-author`: a display name a person gives themselves where tokens do not name them. */
export const AUTHOR_HEADER = 'x-studio-author'
/** Letters, digits, spaces and . ' _ - ; 1–40 characters, starting with a letter or digit. */
export const AUTHOR_NAME = /^[\p{L}\p{N}][\p{L}\p{N} .'_-]{0,39}$/u
