import { readFileSync } from 'node:fs'

/** The product catalogue lives in data/catalogue.json; this file only gives it types. */
export type CatalogueProduct = {
  prodId: string
  name: string
  type: 'MAINT' | 'PKG'
  category: string
  orderable: boolean
  description: string
  /** The operator's English names, for viewers who use the hall in English. */
  nameEn: string
  categoryEn: string
  descriptionEn: string
  prices: Record<string, number>
  channels: string[]
  hd?: boolean
}

export type Catalogue = {
  maintenance: { itemCode: string; monthlyFee: number }
  discounts: {
    elder: { itemCode: string; name: string; nameEn: string; fee: number }
    multiPackage: { itemCode: string; name: string; nameEn: string; fee: number; minPackages: number }
  }
  adjustments: Array<{ itemCode: string; name: string; nameEn: string; min: number; max: number }>
  /** Channel name → the operator's English name. */
  channelNamesEn: Record<string, string>
  products: CatalogueProduct[]
  exclusions: Array<[string, string]>
  vodTitles: Array<{ vodId: string; title: string; titleEn: string; price: number }>
}

function readJson<T>(name: string): T {
  return JSON.parse(readFileSync(new URL(`../data/${name}`, import.meta.url), 'utf8')) as T
}

export const catalogue: Catalogue = readJson<Catalogue>('catalogue.json')

export type City = {
  city: string
  districts: Array<{ regionCode: string; name: string; compounds: string[] }>
  cityWideRegion: { regionCode: string; name: string }
  otherRegion: { regionCode: string; name: string }
}
export const city: City = readJson<City>('city.json')

export type Names = { surnames: string[]; givenChars: string[]; phonePrefixes: string[] }
export const names: Names = readJson<Names>('names.json')

export function productById(prodId: string): CatalogueProduct {
  const p = catalogue.products.find((x) => x.prodId === prodId)
  if (!p) throw new Error(`unknown product ${prodId}`)
  return p
}

export function excludes(a: string, b: string): boolean {
  return catalogue.exclusions.some(([x, y]) => (x === a && y === b) || (x === b && y === a))
}
