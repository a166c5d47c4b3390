import type { ProtocolError } from "@kokoro-speech/protocol";

type LossListener = (error: ProtocolError) => void;

/** The one "device lost" event of a sink: reported at most once, delivered to listeners registered before or after. */
export class SinkLoss {
  private listeners: LossListener[] = [];
  private lostWith: ProtocolError | undefined;

  /** The loss, once reported. */
  get error(): ProtocolError | undefined {
    return this.lostWith;
  }

  onLost(listener: LossListener): void {
    const error = this.lostWith;
    if (error === undefined) {
      this.listeners.push(listener);
      return;
    }
    // A late listener still hears about the loss, but never synchronously inside its own registration.
    queueMicrotask(() => listener(error));
  }

  /** Records the loss and notifies the listeners; later reports are ignored. */
  report(error: ProtocolError): void {
    if (this.lostWith !== undefined) return;
    this.lostWith = error;
    const listeners = this.listeners;
    this.listeners = [];
    for (const listener of listeners) listener(error);
  }
}
