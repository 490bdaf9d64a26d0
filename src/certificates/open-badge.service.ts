import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { Injectable, Logger } from '@nestjs/common';
import { AppConfig } from '../config/app-config';
import type { CertificateDocument } from './certificate-document';
import { BadgesUnavailableError } from './certificate-signing.errors';
import { publicKeyMultibase } from './data-integrity';
import {
  type BadgeCheck,
  type BadgeDetails,
  badgeJwks,
  type BadgeKeys,
  badgeKeys,
  didDocument,
  didDocumentPath,
  issueOpenBadge,
  resignOpenBadge,
  type SignedOpenBadge,
  verifyOpenBadge,
} from './open-badge';
import { loadBadgeKeys } from './signing-settings';

let developmentKey: KeyObject | undefined;

/** The development key of this process, made on first use: the web and worker modules of one process share it. */
function developmentBadgeKey(): KeyObject {
  developmentKey ??= generateKeyPairSync('ed25519').privateKey;
  return developmentKey;
}

/**
 * Open Badges 3.0 credentials of certificates, signed with CERTIFICATE_BADGE_KEY. Without it, development and tests
 * sign with an Ed25519 key made at start-up (logged, and named as a development key in every badge, the DID document
 * and the key set; a badge stored by an earlier run is signed again when it is next downloaded), and production
 * offers no badges.
 */
@Injectable()
export class OpenBadgeService {
  private readonly logger = new Logger(OpenBadgeService.name);
  private readonly keys: BadgeKeys | null;
  /** The platform's address: the issuer's URL and the root of its did:web identifier. */
  private readonly publicUrl: string;

  constructor(config: AppConfig) {
    this.publicUrl = config.env.PUBLIC_URL;
    const configured = loadBadgeKeys(config.env);
    if (configured) {
      this.keys = badgeKeys(configured, this.publicUrl, false);
      this.logger.log(`Open Badges are signed by ${this.keys.signing.id}`);
    } else if (config.isProduction) {
      this.keys = null;
      this.logger.warn('CERTIFICATE_BADGE_KEY is not set: certificates are not offered as Open Badges');
    } else {
      const privateKey = developmentBadgeKey();
      this.keys = badgeKeys([privateKey], this.publicUrl, true);
      this.logger.warn(
        `DEVELOPMENT BADGE KEY: Open Badges are signed with an Ed25519 key made at start-up (${publicKeyMultibase(privateKey)}); ` +
          'badges signed before this start no longer verify until downloaded again; set CERTIFICATE_BADGE_KEY for real certificates',
      );
    }
  }

  /** Whether badges are offered (a key is configured, or this is not production). */
  get available(): boolean {
    return this.keys !== null;
  }

  /** Whether the key was made at start-up, for the verification notes. */
  get development(): boolean {
    return this.keys?.development ?? false;
  }

  /** The certificate's badge; the same certificate gives the same badge. */
  issue(doc: CertificateDocument, details: Omit<BadgeDetails, 'issuerUrl'>): SignedOpenBadge {
    return issueOpenBadge(doc, { ...details, issuerUrl: this.publicUrl }, this.required());
  }

  /** Whether a badge signed by this verification method still verifies here. */
  holds(verificationMethod: string): boolean {
    return this.keys?.verifying.some((key) => key.id === verificationMethod) ?? false;
  }

  /** The badge signed again with the current key (its key was retired, or made by an earlier run in development). */
  resign(badge: SignedOpenBadge): SignedOpenBadge {
    return resignOpenBadge(badge, this.required());
  }

  /** Checks a badge (JSON text or object) and gives its verification code. */
  verify(input: string | unknown): BadgeCheck {
    return verifyOpenBadge(input, this.required());
  }

  /** The issuer's DID document, to serve as JSON at `didDocumentPath`. */
  didDocument(): Record<string, unknown> {
    return didDocument(this.required());
  }

  /** Where the DID document is served: `/.well-known/did.json`, or `<path>/did.json` when PUBLIC_URL has a path. */
  get didDocumentPath(): string {
    return didDocumentPath(this.publicUrl);
  }

  /** The public keys as a JSON Web Key Set. */
  jwks(): { keys: Record<string, unknown>[] } {
    return badgeJwks(this.required());
  }

  private required(): BadgeKeys {
    if (!this.keys) throw new BadgesUnavailableError();
    return this.keys;
  }
}
