package org.discimage.examples;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;

import org.discimage.BootOptions;
import org.discimage.FileSystem;
import org.discimage.FileSystemImage;
import org.discimage.ImageExtent;
import org.discimage.ImageResult;
import org.discimage.IsoLevel;
import org.discimage.error.DiscImageException;
import org.discimage.source.ContentSource;

/**
 * Example: a bootable rescue disc. An ISO 9660 + Joliet + Rock Ridge image of a folder that a PC
 * boots from (El Torito 1.0): the BIOS boot image is the catalog's initial entry, no emulation,
 * 4 virtual sectors loaded at 07C0h with a boot-info table (what isolinux.bin and GRUB's
 * eltorito.img expect: {@code mkisofs -no-emul-boot -boot-load-size 4 -boot-info-table}); with
 * {@code --efi} a UEFI entry (platform EFh, a FAT image) follows in its own section, so one disc
 * boots both kinds of firmware.
 *
 * <p>Both images are also files of the tree, {@code /boot/boot.img} and {@code /boot/efi.img}. What
 * that costs differs: the EFI image is written once (its catalog entry points at the file's data),
 * the BIOS image twice, because the boot-info table changes bytes 8..63 of the copy the catalog
 * names, and the file keeps the source's bytes (see {@link BootOptions}): the image grows by one
 * more copy, ceil(size / 2048) sectors (20 for a 40,000-byte loader). Leave the file out if that
 * matters; a loader that reads itself through the boot-info table does not need it. A FOLDER that
 * already holds {@code boot/boot.img} (or {@code boot/efi.img}) is refused ({@code IMAPI_E_DUP_NAME}).
 *
 * <p>Run: {@code java -cp examples/target/discimage.jar org.discimage.examples.RescueImage BOOT.img
 * FOLDER OUT.iso [--efi EFI.img]} (set {@code SOURCE_DATE_EPOCH} for a byte-identical image). Prints
 * the size and the catalog it wrote (the catalog's LBA, each entry's platform, emulation, load
 * segment, sector count and LBA); exits 1 with the error (and its IMAPI2 code) on failure, 2 on
 * wrong arguments.
 */
public final class RescueImage {
    private RescueImage() {
    }

    /** Entry point: {@code BOOT.img FOLDER OUT.iso [--efi EFI.img]}. */
    public static void main(String[] args) {
        System.exit(run(args, System.out, System.err));
    }

    /**
     * Runs the example and returns its exit code: 0 done, 1 failed (message on {@code err}), 2 usage.
     */
    public static int run(String[] args, PrintStream out, PrintStream err) {
        Path efi = null;
        if (args.length == 5 && args[3].equals("--efi")) {
            efi = Path.of(args[4]);
        } else if (args.length != 3) {
            err.println("usage: RescueImage BOOT.img FOLDER OUT.iso [--efi EFI.img]");
            return 2;
        }
        try {
            build(Path.of(args[0]), efi, Path.of(args[1]), Path.of(args[2]), BasicImage.clock(), out);
            return 0;
        } catch (DiscImageException e) {
            // "... [IMAPI_E_BOOT_IMAGE_DATA (0xC0AAB1..)]" and the like: the message names the entry and file
            err.println("RescueImage: " + e.getMessage());
            return 1;
        } catch (IOException | RuntimeException e) {
            err.println("RescueImage: " + e);
            return 1;
        }
    }

    /**
     * Builds the bootable image of {@code folder} into {@code output}: {@code bios} as the initial
     * entry, {@code efi} (or null) as a UEFI entry, time stamps from {@code clock}; prints the
     * catalog to {@code out}. The same inputs and clock give the same bytes.
     */
    public static ImageResult build(Path bios, Path efi, Path folder, Path output, Clock clock, PrintStream out)
            throws IOException {
        FileSystemImage image = new FileSystemImage(clock);
        image.setFileSystems(FileSystem.ISO9660, FileSystem.JOLIET, FileSystem.ROCK_RIDGE);
        image.setIsoLevel(IsoLevel.LEVEL_3);
        image.setVolumeName("RESCUE");
        image.root().addTree(folder, false);

        // One ContentSource object per boot image, used both for the entry and for the file in the
        // tree: the SDK recognises the same object and, where it can, writes the data only once.
        ContentSource biosSource = ContentSource.of(bios);
        image.root().addFile("boot/boot.img", biosSource);
        // BootOptions.of would pick a floppy emulation for an image of exactly 1.2/1.44/2.88 MB
        // (as IMAPI2's AssignBootImage); a loader such as isolinux is always no emulation.
        BootOptions biosEntry = BootOptions.of(biosSource)
                .setEmulation(BootOptions.Emulation.NONE)
                // El Torito 1.0 2.5 Sector Count: 4 × 512 bytes, the one CD sector the BIOS loads;
                // the loader fetches the rest itself, finding it through the boot-info table.
                .setSectorCount(BootOptions.DEFAULT_NO_EMULATION_SECTORS)
                .setBootInfoTable(true)
                .setManufacturer("DISCIMAGE RESCUE");
        List<BootOptions> entries = new ArrayList<>(List.of(biosEntry));
        if (efi != null) {
            ContentSource efiSource = ContentSource.of(efi);
            image.root().addFile("boot/efi.img", efiSource);
            // The UEFI firmware reads the FAT image whole: the sector count defaults to its size
            // (as xorriso records it), and it has no boot-info table, so it is shared with the file.
            entries.add(BootOptions.of(efiSource).setEmulation(BootOptions.Emulation.NONE)
                    .setPlatform(BootOptions.Platform.EFI));
        }
        image.setBootImageOptions(entries);

        ImageResult result = image.createResultImage();
        result.writeTo(output);
        out.printf("%s: %d sectors (%d bytes)%n", output, result.totalSectors(), result.sizeInBytes());
        printCatalog(result, entries, out);
        return result;
    }

    /**
     * Prints the catalog's LBA and one line per entry. Entries with their own copy are extents named
     * "El Torito boot image N (...)"; an entry shared with a file of the tree has none, so its LBA is
     * that of the file's extent.
     */
    private static void printCatalog(ImageResult result, List<BootOptions> entries, PrintStream out) {
        List<ImageExtent> extents = result.extents();
        for (ImageExtent e : extents) {
            if (e.description().equals("El Torito boot catalog")) {
                out.printf("boot catalog at LBA %d%n", e.firstBlock());
            }
        }
        String[] files = {"/boot/boot.img", "/boot/efi.img"};
        for (int i = 0; i < entries.size(); i++) {
            BootOptions o = entries.get(i);
            String prefix = "El Torito boot image " + i + " (";
            long lba = -1;
            String where = "hidden copy";
            for (ImageExtent e : extents) {
                if (e.description().startsWith(prefix)) {
                    lba = e.firstBlock();
                }
            }
            if (lba < 0) {
                for (ImageExtent e : extents) {
                    if (e.description().equals(files[i])) {
                        lba = e.firstBlock();
                        where = "data of " + files[i];
                    }
                }
            }
            out.printf("entry %d: %s, emulation %s, load segment 0x%04X, %d sectors, LBA %d (%s%s)%n", i + 1,
                    o.platform(), o.emulation(), o.loadSegment(), o.sectorCount(), lba, where,
                    o.bootInfoTable() ? ", boot-info table" : "");
        }
    }
}
