/**
 * Pages open the Dialog and the Toast through here instead of reaching into the App's widget tree.
 * The widgets register themselves when they are created.
 */
import { exposeDialogState } from './testHooks.ts'

export interface DialogAction {
  label: string
  /** Stable ref for tests, e.g. `ExitLeave`. */
  ref: string
  onSelect?: () => void
}

export interface DialogOptions {
  title: string
  message?: string
  actions: DialogAction[]
  /** Which action has focus first; payments and exits default to the safe choice. */
  defaultIndex?: number
  /** Runs when Back closes the dialog without a choice. */
  onDismiss?: () => void
}

interface DialogHost {
  open(options: DialogOptions): void
  close(): void
  readonly isOpen: boolean
}

interface ToastHost {
  show(text: string, seconds?: number): void
}

let dialog: DialogHost | null = null
let toast: ToastHost | null = null

export function registerDialog(host: DialogHost): void {
  dialog = host
  exposeDialogState(() => host.isOpen)
}

export function registerToast(host: ToastHost): void {
  toast = host
}

export function openDialog(options: DialogOptions): void {
  if (dialog) dialog.open(options)
}

export function isDialogOpen(): boolean {
  return dialog ? dialog.isOpen : false
}

export function showToast(text: string, seconds?: number): void {
  if (toast) toast.show(text, seconds)
}
