//! The one file inside a zip archive, as the ECB serves its history (`eurofxref-hist.zip`, one
//! deflated `eurofxref-hist.csv`) and its daily rates (`eurofxref.zip`). flate2 already inflates
//! the providers' gzip answers; a zip of one member needs only its directory read, so no zip
//! crate is built for it. Sizes come from the central directory (a member written with a data
//! descriptor has zeros in its local header), the inflated size is capped, and the CRC-32 is
//! checked, so a damaged or hostile archive is an error, never a truncated file.

/// `PK\x03\x04`: how every zip archive starts.
pub(crate) const MAGIC: &[u8] = b"PK\x03\x04";

const END_OF_DIRECTORY: &[u8] = b"PK\x05\x06";
const DIRECTORY_ENTRY: &[u8] = b"PK\x01\x02";
const STORED: u16 = 0;
const DEFLATED: u16 = 8;

fn u16_at(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_le_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn u32_at(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_le_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

fn usize_at(b: &[u8], at: usize) -> Option<usize> {
    usize::try_from(u32_at(b, at)?).ok()
}

/// The first member whose name ends with one of `suffixes` (else the first member), inflated:
/// `(name, bytes)`. At most `max_bytes` once inflated.
pub(crate) fn read(archive: &[u8], suffixes: &[&str], max_bytes: usize) -> Result<(String, Vec<u8>), String> {
    let broken = |what: &str| format!("the zip archive is damaged ({what})");
    // The end-of-directory record is in the last 64 KiB + 22 bytes (its comment is at most 64 KiB).
    let tail_from = archive.len().saturating_sub(65_557);
    let end = archive[tail_from..]
        .windows(4)
        .rposition(|w| w == END_OF_DIRECTORY)
        .map(|i| tail_from + i)
        .ok_or_else(|| broken("no end of directory"))?;
    let entries = usize::from(u16_at(archive, end + 10).ok_or_else(|| broken("short directory"))?);
    let mut at = usize_at(archive, end + 16).ok_or_else(|| broken("short directory"))?;
    let mut chosen = None;
    for _ in 0..entries {
        if archive.get(at..at + 4) != Some(DIRECTORY_ENTRY) {
            return Err(broken("bad directory entry"));
        }
        let field = |offset: usize| u16_at(archive, at + offset).map(usize::from).ok_or_else(|| broken("short entry"));
        let (name_len, extra_len, comment_len) = (field(28)?, field(30)?, field(32)?);
        let name = archive.get(at + 46..at + 46 + name_len).ok_or_else(|| broken("short entry name"))?;
        let name = String::from_utf8_lossy(name).into_owned();
        let wanted = suffixes.iter().any(|s| name.to_ascii_lowercase().ends_with(s));
        if wanted || chosen.is_none() {
            chosen = Some((name, at));
        }
        if wanted {
            break;
        }
        at += 46 + name_len + extra_len + comment_len;
    }
    let (name, entry) = chosen.ok_or_else(|| "the zip archive is empty".to_string())?;
    let method = u16_at(archive, entry + 10).ok_or_else(|| broken("short entry"))?;
    let crc = u32_at(archive, entry + 16).ok_or_else(|| broken("short entry"))?;
    let packed = usize_at(archive, entry + 20).ok_or_else(|| broken("short entry"))?;
    let local = usize_at(archive, entry + 42).ok_or_else(|| broken("short entry"))?;
    if archive.get(local..local + 4) != Some(MAGIC) {
        return Err(broken("bad local header"));
    }
    let skip = |offset: usize| u16_at(archive, local + offset).map(usize::from).ok_or_else(|| broken("short header"));
    let data_at = local + 30 + skip(26)? + skip(28)?;
    let data = data_at.checked_add(packed).and_then(|e| archive.get(data_at..e)).ok_or_else(|| broken("short data"))?;
    let max = u64::try_from(max_bytes).unwrap_or(u64::MAX);
    let out = match method {
        STORED => data.to_vec(),
        DEFLATED => crate::capped::read(flate2::read::DeflateDecoder::new(data), max).map_err(|e| match e {
            crate::capped::CapError::TooLarge { .. } => {
                format!("{name} inflates past {} MiB; refused", max_bytes >> 20)
            }
            crate::capped::CapError::Io(_) => broken("its data does not inflate"),
        })?,
        other => return Err(format!("{name} is compressed with method {other}; only stored and deflated are read")),
    };
    if out.len() > max_bytes {
        return Err(format!("{name} inflates past {} MiB; refused", max_bytes >> 20));
    }
    let mut check = flate2::Crc::new();
    check.update(&out);
    if check.sum() != crc {
        return Err(broken("its checksum does not match"));
    }
    Ok((name, out))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A one-member archive, as `zip` writes it, with the member stored.
    fn stored(name: &str, body: &[u8]) -> Vec<u8> {
        let mut crc = flate2::Crc::new();
        crc.update(body);
        let len = u32::try_from(body.len()).unwrap().to_le_bytes();
        let name_len = u16::try_from(name.len()).unwrap().to_le_bytes();
        let mut z = Vec::new();
        z.extend_from_slice(MAGIC);
        z.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        z.extend_from_slice(&crc.sum().to_le_bytes());
        z.extend_from_slice(&len);
        z.extend_from_slice(&len);
        z.extend_from_slice(&name_len);
        z.extend_from_slice(&[0, 0]);
        z.extend_from_slice(name.as_bytes());
        z.extend_from_slice(body);
        let directory = u32::try_from(z.len()).unwrap().to_le_bytes();
        z.extend_from_slice(DIRECTORY_ENTRY);
        z.extend_from_slice(&[20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
        z.extend_from_slice(&crc.sum().to_le_bytes());
        z.extend_from_slice(&len);
        z.extend_from_slice(&len);
        z.extend_from_slice(&name_len);
        z.extend_from_slice(&[0; 12]);
        z.extend_from_slice(&[0, 0, 0, 0]);
        z.extend_from_slice(name.as_bytes());
        let size = u32::try_from(z.len()).unwrap() - u32::from_le_bytes(directory);
        z.extend_from_slice(END_OF_DIRECTORY);
        z.extend_from_slice(&[0, 0, 0, 0, 1, 0, 1, 0]);
        z.extend_from_slice(&size.to_le_bytes());
        z.extend_from_slice(&directory);
        z.extend_from_slice(&[0, 0]);
        z
    }

    #[test]
    fn a_stored_member_is_read_and_a_damaged_one_refused() {
        let z = stored("eurofxref.csv", b"Date, USD,\n13 April 2026, 1.1684,\n");
        let (name, body) = read(&z, &[".csv"], 1 << 20).unwrap();
        assert_eq!((name.as_str(), body.len()), ("eurofxref.csv", 34));
        let mut damaged = z.clone();
        damaged[50] ^= 1;
        assert!(read(&damaged, &[".csv"], 1 << 20).unwrap_err().contains("checksum"));
        assert!(read(&z, &[".csv"], 10).unwrap_err().contains("inflates past"));
        assert!(read(&z[..20], &[], 1 << 20).is_err());
        assert!(read(b"", &[], 1 << 20).is_err());
    }
}
