package io.takumo.aegis.proxy.forward;

import io.netty.util.NetUtil;
import io.takumo.aegis.proxy.config.ForwardProxySettings;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Locale;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.jspecify.annotations.Nullable;

/**
 * The organization's CA of the forward proxy (SPEC §10): an ECDSA P-256 key and a self-signed CA
 * certificate ({@code pathLen 0}), kept as {@code ca.crt}/{@code ca.key} (0600) in a directory, or
 * brought as PEM files (also an intermediate issued by a company root); it signs a leaf certificate
 * per intercepted host. Certificates are built with BouncyCastle, never by hand.
 *
 * <p>No name constraints: the intercepted hosts grow with configuration, and a CA constrained to
 * today's list would have to be replaced (and redistributed to every machine) to add one.
 */
public final class CertificateAuthority {
  static final String CERT_FILE = "ca.crt";
  static final String KEY_FILE = "ca.key";
  private static final Duration CA_VALIDITY = Duration.ofDays(3650);
  /** Leaves live a week and are minted again a day before they expire ({@link LeafCertificates}). */
  static final Duration LEAF_VALIDITY = Duration.ofDays(7);
  private static final Duration BACKDATE = Duration.ofHours(1); // clocks of clients run late

  private final X509Certificate certificate;
  private final PrivateKey key;
  private final SecureRandom random = new SecureRandom();

  private CertificateAuthority(X509Certificate certificate, PrivateKey key) {
    this.certificate = certificate;
    this.key = key;
  }

  /** The CA the settings name: brought as PEM files, or kept in (and made on first use in) its directory. */
  public static CertificateAuthority of(ForwardProxySettings settings) {
    Path cert = settings.caCert();
    Path key = settings.caKey();
    return cert != null && key != null ? fromFiles(cert, key) : inDirectory(settings.caDir());
  }

  /** The CA in {@code dir}, made there first when there is none (key 0600). */
  public static CertificateAuthority inDirectory(Path dir) {
    Path cert = dir.resolve(CERT_FILE);
    Path key = dir.resolve(KEY_FILE);
    if (Files.exists(cert) && Files.exists(key)) {
      return fromFiles(cert, key);
    }
    try {
      Files.createDirectories(dir);
      CertificateAuthority created = create();
      writePrivate(key, created.keyPem());
      Files.writeString(cert, created.certificatePem(), StandardCharsets.US_ASCII);
      return created;
    } catch (IOException e) {
      throw new UncheckedIOException("the forward proxy's CA cannot be made in " + dir, e);
    }
  }

  /** A CA brought as PEM files: a certificate (CA:true) and its private key (PKCS#8 or SEC1). */
  public static CertificateAuthority fromFiles(Path certificate, Path key) {
    String certPem;
    String keyPem;
    try {
      certPem = Files.readString(certificate, StandardCharsets.US_ASCII);
      keyPem = Files.readString(key, StandardCharsets.US_ASCII);
    } catch (IOException e) {
      throw new IllegalArgumentException("the CA in " + certificate + " and " + key + " cannot be read: "
          + e.getClass().getSimpleName(), e);
    }
    return fromPem(certPem, keyPem, certificate.toString(), key.toString());
  }

  /**
   * A CA from PEM text: a certificate (CA:true) and its private key (PKCS#8 or SEC1); {@code certName} and
   * {@code keyName} say where they came from in messages, which never quote the key.
   */
  public static CertificateAuthority fromPem(String certificatePem, String keyPem, String certName, String keyName) {
    try (PEMParser certParser = new PEMParser(new java.io.StringReader(certificatePem));
        PEMParser keyParser = new PEMParser(new java.io.StringReader(keyPem))) {
      Object cert = certParser.readObject();
      if (!(cert instanceof X509CertificateHolder holder)) {
        throw new IllegalArgumentException(certName + ": no PEM certificate");
      }
      X509Certificate x509 = new JcaX509CertificateConverter().getCertificate(holder);
      if (x509.getBasicConstraints() < 0) {
        throw new IllegalArgumentException(certName + ": not a CA certificate (basicConstraints CA:false)");
      }
      Object parsed = keyParser.readObject();
      JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
      PrivateKey privateKey;
      if (parsed instanceof PEMKeyPair pair) {
        privateKey = converter.getPrivateKey(pair.getPrivateKeyInfo()); // SEC1: EC PRIVATE KEY
      } else if (parsed instanceof PrivateKeyInfo info) {
        privateKey = converter.getPrivateKey(info);
      } else {
        throw new IllegalArgumentException(keyName + ": no unencrypted PEM private key"); // never its content
      }
      if (!matches(x509, privateKey)) {
        throw new IllegalArgumentException(keyName + ": not the key of the CA certificate " + certName);
      }
      return new CertificateAuthority(x509, privateKey);
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalArgumentException("the CA in " + certName + " and " + keyName + " cannot be read: "
          + e.getClass().getSimpleName(), e);
    }
  }

  /** Whether {@code key} signs what {@code certificate}'s public key verifies: one signature, at load time. */
  private static boolean matches(X509Certificate certificate, PrivateKey key) throws GeneralSecurityException {
    String algorithm = signatureAlgorithm(key);
    byte[] probe = "takumo-aegis CA key check".getBytes(StandardCharsets.US_ASCII);
    java.security.Signature signer = java.security.Signature.getInstance(algorithm);
    signer.initSign(key);
    signer.update(probe);
    byte[] signature = signer.sign();
    java.security.Signature verifier = java.security.Signature.getInstance(algorithm);
    verifier.initVerify(certificate.getPublicKey());
    verifier.update(probe);
    return verifier.verify(signature);
  }

  static CertificateAuthority create() {
    try {
      KeyPair pair = p256();
      Instant now = Instant.now();
      X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
          .addRDN(BCStyle.O, "Takumo Aegis")
          .addRDN(BCStyle.CN, "Takumo Aegis forward proxy CA " + Long.toHexString(new SecureRandom().nextLong()))
          .build();
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name, serial(new SecureRandom()),
          Date.from(now.minus(BACKDATE)), Date.from(now.plus(CA_VALIDITY)), name, pair.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
          .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()));
      return new CertificateAuthority(sign(builder, pair.getPrivate()), pair.getPrivate());
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot create a CA", e);
    }
  }

  /** A leaf certificate for {@code host} (a DNS name or an IP literal), with its new key. */
  public Leaf mint(String host) {
    try {
      KeyPair pair = p256();
      Instant now = Instant.now();
      JcaX509ExtensionUtils ext = new JcaX509ExtensionUtils();
      X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.CN, host).build();
      GeneralName san = isIpLiteral(host) ? new GeneralName(GeneralName.iPAddress, host)
          : new GeneralName(GeneralName.dNSName, host.toLowerCase(Locale.ROOT));
      X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(certificate, serial(random),
          Date.from(now.minus(BACKDATE)), Date.from(now.plus(LEAF_VALIDITY)), subject, pair.getPublic())
          .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
          .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
          .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
          .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san))
          .addExtension(Extension.subjectKeyIdentifier, false, ext.createSubjectKeyIdentifier(pair.getPublic()))
          .addExtension(Extension.authorityKeyIdentifier, false, ext.createAuthorityKeyIdentifier(certificate));
      return new Leaf(pair.getPrivate(), sign(builder, key), certificate);
    } catch (GeneralSecurityException | IOException e) {
      throw new IllegalStateException("cannot mint a certificate for " + host, e);
    }
  }

  /** A host's key and certificate, with the CA's certificate to send after it. */
  public record Leaf(PrivateKey key, X509Certificate certificate, X509Certificate issuer) {}

  public X509Certificate certificate() {
    return certificate;
  }

  /** The CA certificate as PEM (what clients trust: NODE_EXTRA_CA_CERTS, SSL_CERT_FILE, OS stores). */
  public String certificatePem() {
    return pem(certificate);
  }

  /**
   * The key as PKCS#8 PEM (PRIVATE KEY), what OpenSSL, Netty and every TLS stack read: written to the CA's
   * directory, or sealed for a fleet config; never logged.
   */
  public String keyPem() {
    try {
      return pem(new JcaPKCS8Generator(key, null));
    } catch (org.bouncycastle.util.io.pem.PemGenerationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String pem(Object value) {
    StringWriter out = new StringWriter();
    try (JcaPEMWriter writer = new JcaPEMWriter(out)) {
      writer.writeObject(value);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toString();
  }

  private static void writePrivate(Path file, String content) throws IOException {
    Path tmp = Files.createTempFile(file.getParent(), ".ca", ".tmp");
    try {
      try {
        Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-------"));
      } catch (UnsupportedOperationException e) {
        // not a POSIX file system: the directory's protection applies
      }
      Files.writeString(tmp, content, StandardCharsets.US_ASCII);
      Files.move(tmp, file);
    } finally {
      Files.deleteIfExists(tmp);
    }
  }

  private static KeyPair p256() throws GeneralSecurityException {
    KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
    generator.initialize(new ECGenParameterSpec("secp256r1"));
    return generator.generateKeyPair();
  }

  private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey key) throws GeneralSecurityException {
    try {
      return new JcaX509CertificateConverter().getCertificate(
          builder.build(new JcaContentSignerBuilder(signatureAlgorithm(key)).build(key)));
    } catch (OperatorCreationException e) {
      throw new GeneralSecurityException(e);
    }
  }

  /** SHA-256 with the key's own algorithm: ECDSA for ours, RSA for a company intermediate brought as PEM. */
  private static String signatureAlgorithm(PrivateKey key) {
    return key.getAlgorithm().equals("EC") ? "SHA256withECDSA" : "SHA256with" + key.getAlgorithm();
  }

  private static BigInteger serial(SecureRandom random) {
    return new BigInteger(127, random).add(BigInteger.ONE); // positive, unique enough (RFC 5280 §4.1.2.2)
  }

  /** Whether {@code host} is an IPv4 or IPv6 literal rather than a name (parsed, never looked up). */
  public static boolean isIpLiteral(@Nullable String host) {
    return host != null && (NetUtil.isValidIpV4Address(host) || NetUtil.isValidIpV6Address(host));
  }

}
