package dev.retold.bench.scale;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;

/**
 * Draws wall time and peak memory against corpus size, both axes logarithmic, as a PNG, with the
 * JDK's own 2D graphics (headless): no plotting dependency.
 */
public final class ScalePlot {
  private static final int WIDTH = 900;
  private static final int HEIGHT = 420;
  private static final int MARGIN = 70;

  private ScalePlot() {}

  /** One measured corpus size. */
  public record Point(long articles, double seconds, double peakRssMegabytes) {}

  /** Writes the plot of {@code points} (in increasing size) to {@code file}. */
  public static void write(List<Point> points, Path file) throws IOException {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
    Graphics2D g = image.createGraphics();
    g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
    g.setColor(Color.WHITE);
    g.fillRect(0, 0, WIDTH, HEIGHT);
    int half = WIDTH / 2;
    panel(g, points, 0, "wall time (s)", true, new Color(0x1f77b4));
    panel(g, points, half, "peak RSS (MB)", false, new Color(0xd62728));
    g.dispose();
    ImageIO.write(image, "png", file.toFile());
  }

  private static void panel(
      Graphics2D g, List<Point> points, int left, String title, boolean time, Color color) {
    int x0 = left + MARGIN;
    int x1 = left + WIDTH / 2 - 60;
    int y0 = HEIGHT - MARGIN;
    int y1 = 40;
    double minX = Math.log10(points.get(0).articles());
    double maxX = Math.log10(points.get(points.size() - 1).articles());
    double minY = Double.MAX_VALUE;
    double maxY = 0;
    for (Point p : points) {
      double v = time ? p.seconds() : p.peakRssMegabytes();
      minY = Math.min(minY, Math.log10(Math.max(v, 1e-3)));
      maxY = Math.max(maxY, Math.log10(Math.max(v, 1e-3)));
    }
    minY = Math.floor(minY);
    maxY = Math.ceil(maxY == minY ? maxY + 1 : maxY);
    if (maxX == minX) {
      maxX = minX + 1;
    }
    g.setColor(Color.BLACK);
    g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 14));
    g.drawString(title + " vs articles (log-log)", x0, 25);
    g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
    g.drawLine(x0, y0, x1, y0);
    g.drawLine(x0, y0, x0, y1);
    for (int e = (int) minY; e <= (int) maxY; e++) {
      int y = (int) (y0 - (e - minY) / (maxY - minY) * (y0 - y1));
      g.setColor(new Color(0xdddddd));
      g.drawLine(x0, y, x1, y);
      g.setColor(Color.BLACK);
      g.drawString(label(Math.pow(10, e)), left + 10, y + 4);
    }
    int previousX = -1;
    int previousY = -1;
    for (Point p : points) {
      double v = time ? p.seconds() : p.peakRssMegabytes();
      int x = (int) (x0 + (Math.log10(p.articles()) - minX) / (maxX - minX) * (x1 - x0));
      int y = (int) (y0 - (Math.log10(Math.max(v, 1e-3)) - minY) / (maxY - minY) * (y0 - y1));
      g.setColor(color);
      g.setStroke(new BasicStroke(2f));
      if (previousX >= 0) {
        g.drawLine(previousX, previousY, x, y);
      }
      g.fillOval(x - 4, y - 4, 8, 8);
      g.setColor(Color.BLACK);
      g.drawString(label(p.articles()), x - 15, y0 + 18);
      g.drawString(label(v), x + 6, y - 6);
      previousX = x;
      previousY = y;
    }
  }

  private static String label(double value) {
    if (value >= 1e6) {
      return trim(value / 1e6) + "M";
    }
    if (value >= 1e3) {
      return trim(value / 1e3) + "k";
    }
    return trim(value);
  }

  private static String trim(double value) {
    return value == Math.rint(value) ? Long.toString((long) value) : String.format("%.1f", value);
  }
}
